export {
  type ApiTokenRequest,
  type ApiTokenResponse,
  apiTokenRequestSchema,
  buildApiTokenRequest,
} from './apiTokenRequest.ts';
export { DatabrainApiError, type DatabrainApiErrorInit } from './DatabrainApiError.ts';
export { DatabrainError, type DatabrainErrorOptions, isDatabrainError } from './DatabrainError.ts';
export { DatabrainValidationError, type ValidationIssue } from './DatabrainValidationError.ts';
export {
  buildListDataAppsQuery,
  type DataApp,
  type DataAppEmbed,
  type ListDataAppsQuery,
  type ListDataAppsResponse,
} from './dataApps.ts';
export {
  type AthenaCredentials,
  type BigQueryCredentials,
  buildDatasourceRequest,
  DATASOURCE_TYPES,
  type DatabricksCredentials,
  type DatasourceCredentialsByType,
  type DatasourceRequest,
  type DatasourceRequestOf,
  type DatasourceResponse,
  type DatasourceTenancySettings,
  type DatasourceType,
  datasourceRequestSchema,
  type FireboltCredentials,
  type MssqlCredentials,
  type PostgresCredentials,
  type S3Credentials,
  type SearchCredentials,
  type SingleStoreCredentials,
  type SnowflakeCredentials,
  type TrinoCredentials,
  type UserPasswordCredentials,
} from './datasourceRequest.ts';
export {
  CREDENTIALS,
  DATABRAIN_CLOUD_URL,
  DATABRAIN_ENDPOINTS,
  type DatabrainCredential,
  type DatabrainEndpoint,
  DOCUMENTED_ERRORS,
  documentedStatus,
} from './endpoints.ts';
export { type DatabrainErrorBody, parseErrorBody } from './errorBody.ts';
export {
  DATABRAIN_API_ERROR_CODES,
  DATABRAIN_CLIENT_ERROR_CODES,
  type DatabrainApiErrorCode,
  type DatabrainClientErrorCode,
  type DatabrainErrorCode,
  isDatabrainApiErrorCode,
} from './errorCodes.ts';
export { redactSecrets, SECRET_CREDENTIAL_FIELDS } from './redactSecrets.ts';
export {
  buildWorkspaceRequest,
  WORKSPACE_CONNECTION_TYPES,
  WORKSPACE_SUMMARY_TYPES,
  type WorkspaceConnectionType,
  type WorkspaceOptions,
  type WorkspaceRequest,
  type WorkspaceResponse,
  type WorkspaceSummaryType,
  workspaceRequestSchema,
} from './workspaceRequest.ts';
