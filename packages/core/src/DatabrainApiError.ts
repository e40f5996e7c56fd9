import { DatabrainError, type DatabrainErrorOptions } from './DatabrainError.ts';
import type { DatabrainErrorCode } from './errorCodes.ts';

/**
 * What {@link DatabrainApiError} is built from.
 *
 * @example
 * ```ts
 * import type { DatabrainApiErrorInit } from '@databrain-embed/core';
 * const init: DatabrainApiErrorInit = { status: 404, code: 'DATA_APP_ID_ERROR', message: 'Data app not found' };
 * ```
 */
export interface DatabrainApiErrorInit extends DatabrainErrorOptions {
  /** HTTP status; `0` when no HTTP answer arrived (network error, timeout, abort). */
  status: number;
  code: DatabrainErrorCode;
  message: string;
  /** `METHOD /path` of the call that failed, e.g. `POST /api/v2/guest-token/create`. */
  endpoint?: string;
  /** Seconds to wait before retrying, from a `Retry-After` header. */
  retryAfter?: number;
}

/**
 * A call to DataBrain failed: the service answered with an error, or no
 * usable answer arrived (`status` is `0` and `code` is `NETWORK_ERROR`,
 * `TIMEOUT` or `ABORTED`).
 *
 * @example
 * ```ts
 * import { DatabrainApiError } from '@databrain-embed/core';
 * catch (error) {
 *   if (error instanceof DatabrainApiError && error.code === 'DATA_APP_ID_ERROR') {
 *     console.error(`check DATABRAIN_DATA_APP (HTTP ${error.status})`);
 *   }
 * }
 * ```
 */
export class DatabrainApiError extends DatabrainError {
  readonly status: number;
  readonly endpoint: string | undefined;
  readonly retryAfter: number | undefined;

  constructor(init: DatabrainApiErrorInit) {
    const where = init.endpoint ? ` (${init.endpoint}${init.status ? ` → ${init.status}` : ''})` : '';
    super(init.code, `${init.message}${where}`, init.cause === undefined ? {} : { cause: init.cause });
    this.name = 'DatabrainApiError';
    this.status = init.status;
    this.endpoint = init.endpoint;
    this.retryAfter = init.retryAfter;
  }

  override toJSON(): { name: string; code: DatabrainErrorCode; message: string; status: number } {
    return { name: this.name, code: this.code, message: this.message, status: this.status };
  }
}
