/**
 * A reusable guest token as a {@link GuestTokenStore} keeps it: the token and
 * when it expires, nothing else (no claims, no API key).
 *
 * @example
 * ```ts
 * import type { StoredGuestToken } from '@databrain-embed/server';
 * const entry: StoredGuestToken = { token: '3f0c…', expiresAt: Date.now() + 3_600_000 };
 * ```
 */
export interface StoredGuestToken {
  /** The guest token. */
  token: string;
  /** When it expires, in epoch milliseconds. */
  expiresAt: number;
}

/**
 * Where reusable guest tokens are kept between requests. The client calls it
 * with opaque keys (a SHA-256 of DataBrain's URL and the request body).
 * `createMemoryTokenStore` keeps tokens in this process;
 * `createRedisTokenStore` from `@databrain-embed/server/redis` shares them
 * between app instances. A store may throw or be slow: every call is bounded
 * by `tokenReuse.storeTimeoutMs`, and a failure makes the client mint instead.
 *
 * `lock` and `unlock` are optional: a store shared between processes offers
 * them so that identical requests arriving together at several instances
 * mint once. Within one process, identical requests always share one mint.
 *
 * @example
 * ```ts
 * import type { GuestTokenStore, StoredGuestToken } from '@databrain-embed/server';
 * const entries = new Map<string, StoredGuestToken>();
 * const store: GuestTokenStore = {
 *   get: (key) => entries.get(key),
 *   set: (key, entry) => {
 *     entries.set(key, entry);
 *   },
 * };
 * ```
 */
export interface GuestTokenStore {
  /** The entry under `key`, or `undefined`. May return an expired entry; the client checks. */
  get(key: string): StoredGuestToken | undefined | Promise<StoredGuestToken | undefined>;
  /** Keeps `entry` under `key` for at most `ttlMs` (the token's remaining life). */
  set(key: string, entry: StoredGuestToken, ttlMs: number): void | Promise<void>;
  /**
   * Takes the lock of `key` for `owner` unless someone holds it; it lapses by
   * itself after `ttlMs`. Resolves whether it was taken.
   */
  lock?(key: string, owner: string, ttlMs: number): boolean | Promise<boolean>;
  /** Releases the lock of `key` if `owner` still holds it. */
  unlock?(key: string, owner: string): void | Promise<void>;
}
