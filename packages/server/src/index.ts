// One install suffices: what callers of the client and the token handler
// branch on (the error model) and build their input with (request types and
// filter builders) comes from core, re-exported as is.
export {
  type ApiTokenRequest,
  type ApiTokenResponse,
  type AppFilter,
  appFilter,
  type DashboardAppFilter,
  type DataApp,
  DatabrainApiError,
  type DatabrainApiErrorCode,
  type DatabrainClientErrorCode,
  DatabrainError,
  type DatabrainErrorCode,
  DatabrainValidationError,
  type DatasourceRequest,
  type DatasourceResponse,
  type DateRange,
  dashboardAppFilter,
  dateRange,
  type ExpiresIn,
  type FilterValue,
  type FilterValues,
  type GuestTokenInput,
  type GuestTokenInputParams,
  type GuestTokenPermissions,
  isDatabrainError,
  type ListDataAppsQuery,
  type ListDataAppsResponse,
  type NumberRange,
  numberRange,
  permissions,
  type SqlFilter,
  sqlFilter,
  type ValidationIssue,
  type WorkspaceRequest,
  type WorkspaceResponse,
} from '@databrain-embed/core';
export type {
  TokenEndpointErrorBody,
  TokenEndpointErrorCode,
  TokenEndpointResponse,
} from '@databrain-embed/core/token-endpoint';
export { createDatabrainClient } from './createDatabrainClient.ts';
export {
  createGuestTokenHandler,
  type GuestTokenGrant,
  type GuestTokenHandlerErrorBody,
  type GuestTokenHandlerOptions,
} from './createGuestTokenHandler.ts';
export {
  createGuestTokenIssuer,
  type GuestTokenIssuer,
  type IssuedGuestToken,
} from './createGuestTokenIssuer.ts';
export { createMemoryTokenStore, type MemoryTokenStoreOptions } from './createMemoryTokenStore.ts';
export type { DatabrainCallOptions, DatabrainClient, GuestToken } from './DatabrainClient.ts';
export { DATABRAIN_CLIENT_DEFAULTS, type DatabrainClientOptions } from './DatabrainClientOptions.ts';
export type { GuestTokenStore, StoredGuestToken } from './GuestTokenStore.ts';
export { GuestTokenStoreError } from './GuestTokenStoreError.ts';
export { TOKEN_REUSE_DEFAULTS, type TokenReuseOptions } from './TokenReuseOptions.ts';
