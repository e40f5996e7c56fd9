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
  'INVALID_EMBED_ID',
  'EMBED_PARAM_ERROR',
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
 * - `RESPONSE_TOO_LARGE`: the answer's body passed the client's
 *   `maxResponseBytes`; reading stopped there.
 * - `UNKNOWN_ERROR`: a failure this library cannot classify: DataBrain
 *   answered with a code it does not know (`status` kept), or app code it
 *   called (a custom client given to the token handler) threw something that
 *   is not a `DatabrainError` (kept as `cause`).
 * - `AUTHORIZE_FAILED`: the token handler's `authorize` threw or rejected;
 *   `cause` holds what it threw.
 * - `TOKEN_STORE_FAILED`: a guest-token store call failed or did not answer
 *   in time (a `GuestTokenStoreError`, reported to `tokenReuse.onError`,
 *   never thrown: the token is minted instead).
 * - `SERVER_ONLY`: server code, which holds secret keys, was loaded or called
 *   in a browser page.
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
  'RESPONSE_TOO_LARGE',
  'UNKNOWN_ERROR',
  'AUTHORIZE_FAILED',
  'TOKEN_STORE_FAILED',
  'SERVER_ONLY',
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
 * Codes raised by `@databrain-embed/react` in the browser.
 *
 * - `TOKEN_UNREACHABLE`: the token endpoint could not be reached.
 * - `TOKEN_HTTP`: the token endpoint answered with an HTTP error status.
 * - `TOKEN_NOT_JSON`: the token endpoint answered something that is not JSON.
 * - `TOKEN_SHAPE`: the answer is not `{ token, expiresIn }` (the message names the field).
 * - `TOKEN_LIFETIME`: the token lives too briefly to be used (under a second).
 * - `TOKEN_SOURCE`: a `fetchToken` function failed (whatever it threw, unless already a
 *   `DatabrainError`, is wrapped, the original kept as `cause`), or the provider has no token source.
 * - `ELEMENTS_LOAD`: the module defining the DataBrain elements failed to load.
 * - `ELEMENTS_UNDEFINED`: it loaded but left `dbn-dashboard` or `dbn-metric` undefined.
 * - `NO_PROVIDER`: a hook or component was used outside `<DatabrainProvider>`.
 * - `NO_DATA_ENDPOINT`: `useMetricData` was used under a provider without `dataEndpoint`.
 * - `DATA_UNREACHABLE`: the metric-data endpoint could not be reached.
 * - `DATA_HTTP`: the metric-data endpoint answered with an HTTP error status.
 * - `DATA_SHAPE`: its answer is not JSON, or not `{ rows, columns, … }` (the message names the field).
 *
 * @example
 * ```ts
 * import { DATABRAIN_REACT_ERROR_CODES } from '@databrain-embed/core';
 * DATABRAIN_REACT_ERROR_CODES.includes('ELEMENTS_LOAD'); // true
 * ```
 */
export const DATABRAIN_REACT_ERROR_CODES = [
  'TOKEN_UNREACHABLE',
  'TOKEN_HTTP',
  'TOKEN_NOT_JSON',
  'TOKEN_SHAPE',
  'TOKEN_LIFETIME',
  'TOKEN_SOURCE',
  'ELEMENTS_LOAD',
  'ELEMENTS_UNDEFINED',
  'NO_PROVIDER',
  'NO_DATA_ENDPOINT',
  'DATA_UNREACHABLE',
  'DATA_HTTP',
  'DATA_SHAPE',
] as const;

/**
 * A code raised by `@databrain-embed/react`.
 *
 * @example
 * ```ts
 * import type { DatabrainReactErrorCode } from '@databrain-embed/core';
 * const code: DatabrainReactErrorCode = 'TOKEN_HTTP';
 * ```
 */
export type DatabrainReactErrorCode = (typeof DATABRAIN_REACT_ERROR_CODES)[number];

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
export type DatabrainErrorCode = DatabrainApiErrorCode | DatabrainClientErrorCode | DatabrainReactErrorCode;

// Pure, so that bundles using only the error class drop the code list.
const apiCodes: ReadonlySet<string> = /* @__PURE__ */ new Set(DATABRAIN_API_ERROR_CODES);

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
