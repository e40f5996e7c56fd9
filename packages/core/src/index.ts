export { DatabrainApiError, type DatabrainApiErrorInit } from './DatabrainApiError.ts';
export { DatabrainError, type DatabrainErrorOptions, isDatabrainError } from './DatabrainError.ts';
export { DatabrainValidationError, type ValidationIssue } from './DatabrainValidationError.ts';
export {
  CREDENTIALS,
  DATABRAIN_CLOUD_URL,
  DATABRAIN_ENDPOINTS,
  type DatabrainCredential,
  type DatabrainEndpoint,
  DOCUMENTED_ERRORS,
  documentedStatus,
} from './endpoints.ts';
export {
  DATABRAIN_API_ERROR_CODES,
  DATABRAIN_CLIENT_ERROR_CODES,
  type DatabrainApiErrorCode,
  type DatabrainClientErrorCode,
  type DatabrainErrorCode,
  isDatabrainApiErrorCode,
} from './errorCodes.ts';
