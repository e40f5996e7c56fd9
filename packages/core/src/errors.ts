/**
 * The zod-free entry point `@databrain-embed/core/errors`: the error class,
 * its guard and the code lists, for browser code that must not pull in the
 * schemas (and zod) that the main entry carries.
 */
export { DatabrainError, type DatabrainErrorOptions, isDatabrainError } from './DatabrainError.ts';
export {
  DATABRAIN_API_ERROR_CODES,
  DATABRAIN_CLIENT_ERROR_CODES,
  DATABRAIN_REACT_ERROR_CODES,
  type DatabrainApiErrorCode,
  type DatabrainClientErrorCode,
  type DatabrainErrorCode,
  type DatabrainReactErrorCode,
  isDatabrainApiErrorCode,
} from './errorCodes.ts';
