/**
 * Every error code DataBrain documents, across all endpoints, plus the codes
 * this library raises itself before or around a request.
 *
 * Key on `code`, never on the HTTP status: DataBrain reports the same code
 * with different statuses on different endpoints (for example
 * `AUTHENTICATION_ERROR` is 401 on guest tokens but 400 on API tokens).
 *
 * @example
 * ```ts
 * import { DATABRAIN_API_ERROR_CODES } from '@databrain-embed/core';
 * DATABRAIN_API_ERROR_CODES.includes('EXPIRED_TOKEN'); // true
 * ```
 */
export const DATABRAIN_API_ERROR_CODES = [
  'AUTHENTICATION_ERROR',
  'AUTHENTICATION_ERR',
  'INVALID_REQUEST_BODY',
  'INTERNAL_SERVER_ERROR',
  'CLIENT_ID_ERROR',
  'DATA_APP_ID_ERROR',
  'WORKSPACE_ID_ERROR',
  'DASHBOARD_PARAM_ERROR',
  'APP_FILTER_PARAM_ERROR',
  'RLS_SETTINGS_PARAM_ERROR',
  'INVALID_PERMISSIONS',
  'EXPIRED_TOKEN',
  'RATE_LIMIT_EXCEEDED',
  'WORKSPACE_NAME_ALREADY_EXISTS',
  'INVALID_DATASOURCE_NAME',
  'INVALID_DATAMART_NAME',
  'INVALID_LLM_NAME',
  'INVALID_AI_COPILOT_LLMS',
  'INVALID_THEME_NAME',
  'INVALID_DATA_APP_API_KEY',
  'DATASOURCE_NAME_ERROR',
  'CREDENTIAL_TEST_FAILED',
  'SCHEMA_CACHE_FAILED',
  'CREATE_DATASOURCE_FAILED',
  'DATA_APP_NOT_FOUND',
  'DATA_APP_ALREADY_EXISTS',
  'INVALID_WORKSPACE_NAME',
  'INVALID_DASHBOARD_ID',
  'INVALID_METRIC_ID',
  'INVALID_DATAMART',
  'DATAMART_TABLE_NOT_FOUND',
] as const;

/**
 * A code DataBrain's API can answer with.
 *
 * @example
 * ```ts
 * import type { DatabrainApiErrorCode } from '@databrain-embed/core';
 * const code: DatabrainApiErrorCode = 'RATE_LIMIT_EXCEEDED';
 * ```
 */
export type DatabrainApiErrorCode = (typeof DATABRAIN_API_ERROR_CODES)[number];

/**
 * Codes raised by this library itself, never sent by DataBrain.
 *
 * - `VALIDATION_ERROR`: input was rejected before any request was made.
 * - `NETWORK_ERROR`: the request never got an HTTP answer.
 * - `TIMEOUT`: no answer within the configured time.
 * - `ABORTED`: the caller's `AbortSignal` fired.
 * - `UNEXPECTED_RESPONSE`: an answer that fits no documented shape.
 * - `UNKNOWN_ERROR`: DataBrain answered with a code this library does not know.
 *
 * @example
 * ```ts
 * import { DATABRAIN_CLIENT_ERROR_CODES } from '@databrain-embed/core';
 * DATABRAIN_CLIENT_ERROR_CODES.includes('TIMEOUT'); // true
 * ```
 */
export const DATABRAIN_CLIENT_ERROR_CODES = [
  'VALIDATION_ERROR',
  'NETWORK_ERROR',
  'TIMEOUT',
  'ABORTED',
  'UNEXPECTED_RESPONSE',
  'UNKNOWN_ERROR',
] as const;

/**
 * A code raised by this library itself.
 *
 * @example
 * ```ts
 * import type { DatabrainClientErrorCode } from '@databrain-embed/core';
 * const code: DatabrainClientErrorCode = 'NETWORK_ERROR';
 * ```
 */
export type DatabrainClientErrorCode = (typeof DATABRAIN_CLIENT_ERROR_CODES)[number];

/**
 * Every code a {@link DatabrainError} can carry.
 *
 * @example
 * ```ts
 * import type { DatabrainErrorCode } from '@databrain-embed/core';
 * function isRetryable(code: DatabrainErrorCode) {
 *   return code === 'RATE_LIMIT_EXCEEDED' || code === 'NETWORK_ERROR';
 * }
 * ```
 */
export type DatabrainErrorCode = DatabrainApiErrorCode | DatabrainClientErrorCode;

const apiCodes: ReadonlySet<string> = new Set(DATABRAIN_API_ERROR_CODES);

/**
 * Whether a string is one of DataBrain's documented error codes.
 *
 * @example
 * ```ts
 * import { isDatabrainApiErrorCode } from '@databrain-embed/core';
 * isDatabrainApiErrorCode('EXPIRED_TOKEN'); // true
 * isDatabrainApiErrorCode('NOPE'); // false
 * ```
 */
export function isDatabrainApiErrorCode(value: unknown): value is DatabrainApiErrorCode {
  return typeof value === 'string' && apiCodes.has(value);
}
