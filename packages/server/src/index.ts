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
