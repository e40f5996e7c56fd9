import type { GuestTokenStore } from './GuestTokenStore.ts';
import type { GuestTokenStoreError } from './GuestTokenStoreError.ts';

/**
 * How `createGuestToken` reuses tokens it already minted (the
 * `tokenReuse` option of `createDatabrainClient`; leaving it out or `true`
 * takes every default, `false` mints on every call).
 *
 * A request whose wire body (data app, clientId, params, permissions,
 * datasource, lifetime) equals one already minted gets the stored token while
 * at least `minRemaining` of its lifetime is left, with `expiresIn` the time
 * it has left. Tokens that never expire are never stored.
 *
 * @example
 * ```ts
 * import type { TokenReuseOptions } from '@databrain-embed/server';
 * import { createRedisTokenStore } from '@databrain-embed/server/redis';
 * const tokenReuse: TokenReuseOptions = {
 *   store: createRedisTokenStore({ client: redis, prefix: 'my-app:' }),
 *   minRemaining: 0.75,
 *   onError: (error) => logger.warn(error),
 * };
 * ```
 */
export interface TokenReuseOptions {
  /** Where tokens are kept. Default: `createMemoryTokenStore()`, one per client. */
  store?: GuestTokenStore | undefined;
  /**
   * The share of a token's lifetime that must be left for it to be reused,
   * above 0 and at most 1. Default 0.5: a one-hour token is reused for 30
   * minutes, and each user still gets at least 30 minutes.
   */
  minRemaining?: number | undefined;
  /** Longest wait for one store call, in ms; past it the client mints. Default 250. */
  storeTimeoutMs?: number | undefined;
  /**
   * How long the lock taken while minting lasts, in ms (stores with `lock`).
   * Other instances wait for the token at most this long, then mint
   * themselves: if the lock holder died, its lock lapses. Default 5 000.
   */
  lockTtlMs?: number | undefined;
  /** Called with each store failure (a {@link GuestTokenStoreError}). Errors it throws are ignored. */
  onError?: ((error: GuestTokenStoreError) => void) | undefined;
}

/**
 * The defaults of {@link TokenReuseOptions}.
 *
 * @example
 * ```ts
 * import { TOKEN_REUSE_DEFAULTS } from '@databrain-embed/server';
 * TOKEN_REUSE_DEFAULTS.minRemaining; // 0.5
 * ```
 */
export const TOKEN_REUSE_DEFAULTS: {
  readonly minRemaining: 0.5;
  readonly storeTimeoutMs: 250;
  readonly lockTtlMs: 5_000;
} = { minRemaining: 0.5, storeTimeoutMs: 250, lockTtlMs: 5_000 };
