export {
  type ApiTokenRequest,
  type ApiTokenResponse,
  apiTokenRequestSchema,
  buildApiTokenRequest,
} from './apiTokenRequest.ts';
export { type AppFilter, type AppFilterFor, appFilter, appFilterSchema } from './appFilter.ts';
export {
  buildGuestTokenRequest,
  type GuestTokenInput,
  type GuestTokenInputParams,
} from './buildGuestTokenRequest.ts';
export { DatabrainApiError, type DatabrainApiErrorInit } from './DatabrainApiError.ts';
export { DatabrainError, type DatabrainErrorOptions, isDatabrainError } from './DatabrainError.ts';
export { DatabrainValidationError, type ValidationIssue } from './DatabrainValidationError.ts';
export {
  type DashboardAppFilter,
  type DashboardAppFilterFor,
  type DashboardAppFilterOptions,
  dashboardAppFilter,
  dashboardAppFilterSchema,
} from './dashboardAppFilter.ts';
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
export { defineEmbeds, type TypedEmbeds } from './defineEmbeds.ts';
export type {
  DashboardFilterName,
  DashboardFilters,
  DashboardId,
  EmbedCatalog,
  EmbedId,
  FilterValuesFor,
  LooseCatalog,
  MetricFilters,
  MetricId,
} from './embedCatalog.ts';
export {
  buildCreateEmbedRequest,
  type CreateEmbedRequest,
  type CreateEmbedResponse,
  createEmbedRequestSchema,
  createEmbedResponseSchema,
  type EmbedAccessSettings,
  METRIC_CREATION_MODES,
} from './embedCreate.ts';
export {
  buildEmbedListQuery,
  type EmbedListQuery,
  type EmbedListResponse,
  type EmbedSummary,
  embedListResponseSchema,
} from './embedList.ts';
export {
  CREDENTIALS,
  DATABRAIN_CLOUD_URL,
  DATABRAIN_ENDPOINT_TABLE,
  DATABRAIN_ENDPOINTS,
  type DatabrainCredential,
  type DatabrainEndpoint,
  type DatabrainEndpointFacts,
  type DatabrainRetrySafety,
  DOCUMENTED_ERRORS,
  documentedStatus,
} from './endpoints.ts';
export { type DatabrainErrorBody, parseErrorBody } from './errorBody.ts';
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
export {
  DEFAULT_TOKEN_LIFETIME_MS,
  type Duration,
  type DurationString,
  type ExpiresIn,
  expiresInSchema,
  toExpiryTime,
} from './expiresIn.ts';
export {
  type DateRange,
  dateRange,
  type FilterValue,
  type FilterValues,
  filterValueSchema,
  filterValuesSchema,
  type NumberRange,
  numberRange,
  type SqlFilter,
  sqlFilter,
} from './filterValues.ts';
export {
  type GuestTokenParams,
  type GuestTokenRequest,
  type GuestTokenResponse,
  guestTokenParamsSchema,
  guestTokenRequestSchema,
} from './guestTokenSchema.ts';
export type { MetricData, MetricDataRequest } from './metricData.ts';
export {
  buildMetricListQuery,
  type EmbedMetric,
  type MetricListQuery,
  type MetricListResponse,
  metricListResponseSchema,
} from './metricList.ts';
export {
  buildMetricQueryRequest,
  type MetricColumn,
  type MetricQueryFilters,
  type MetricQueryFilterValue,
  type MetricQueryRequest,
  type MetricQueryResponse,
  type MetricRow,
  metricQueryFiltersSchema,
  metricQueryRequestSchema,
  metricQueryResponseSchema,
  parseMetricQueryResponse,
} from './metricQuery.ts';
export { parseGuestTokenRequest } from './parseGuestTokenRequest.ts';
export {
  type GuestTokenPermissions,
  PERMISSIONS,
  type PermissionKey,
  permissions,
  permissionsSchema,
} from './permissions.ts';
export { redactSecrets, SECRET_CREDENTIAL_FIELDS } from './redactSecrets.ts';
export { isIanaTimeZone } from './timezone.ts';
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
