import type { GuestTokenRequest } from '@databrain-embed/core';
import { abortedError } from './abortedError.ts';
import { computeOnceInStore } from './computeOnceInStore.ts';
import { createSingleFlight } from './createSingleFlight.ts';
import { createStoreCall, type StoreResult } from './createStoreCall.ts';
import type { GuestToken } from './DatabrainClient.ts';
import type { StoredGuestToken } from './GuestTokenStore.ts';
import { guestTokenCacheKey } from './guestTokenCacheKey.ts';
import { knownCredentials } from './knownCredentials.ts';
import type { ResolvedClientOptions, ResolvedTokenReuse } from './resolveClientOptions.ts';
import { scrubValue, secretsOfCall } from './scrubSecrets.ts';

/** Mints a token at DataBrain; the signal cancels the call. */
export type MintGuestToken = (signal: AbortSignal | undefined) => Promise<GuestToken>;

/** The token reuse of one client, from {@link createTokenReuse}. */
export interface TokenReuse {
  /**
   * A token for `body`: a stored one while enough of its life is left,
   * otherwise one from `mint` (shared by identical concurrent calls). Never
   * `expiredToken`, which a fresh token replaces in the store.
   */
  createGuestToken(
    body: GuestTokenRequest,
    mint: MintGuestToken,
    signal: AbortSignal | undefined,
    expiredToken?: string | undefined,
  ): Promise<GuestToken>;
}

function isStoredGuestToken(value: unknown): value is StoredGuestToken {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return typeof entry.token === 'string' && entry.token !== '' && Number.isFinite(entry.expiresAt);
}

/**
 * Builds the token reuse of one client (see `TokenReuseOptions`). Tokens are
 * kept under {@link guestTokenCacheKey}, never longer than they live; a
 * store that fails or is slow is reported and skipped, never fatal. What a
 * store threw is reported scrubbed of the client's credentials.
 */
export function createTokenReuse(
  options: ResolvedTokenReuse,
  client: Pick<ResolvedClientOptions, 'baseUrl' | 'apiKey' | 'serviceToken'>,
): TokenReuse {
  const { store, minRemaining, storeTimeoutMs, lockTtlMs } = options;
  const baseUrl = client.baseUrl;
  // Identical concurrent calls share one mint (or wait for another instance's).
  const flights = createSingleFlight<GuestToken>((reason) => abortedError('guestToken', reason));

  const call = createStoreCall({
    timeoutMs: storeTimeoutMs,
    onError: options.onError,
    // What a store threw is reported scrubbed of the client's credentials.
    causeOf: (error) => scrubValue(error, secretsOfCall(knownCredentials(client), undefined)),
  });

  /** A stored entry as a token, when enough of its life is left. */
  const reusable = (
    entry: unknown,
    lifetime: number,
    expired: string | undefined,
  ): GuestToken | undefined => {
    if (!isStoredGuestToken(entry) || entry.token === expired) return undefined;
    const now = Date.now();
    const left = entry.expiresAt - now;
    if (left <= 0 || left < lifetime * minRemaining) return undefined;
    // Another instance's clock may run ahead; never promise more than a lifetime.
    const expiresIn = Math.min(left, lifetime);
    return { token: entry.token, expiresIn, expiresAt: now + expiresIn };
  };

  const read = async (
    key: string,
    lifetime: number,
    expired: string | undefined,
  ): Promise<StoreResult<GuestToken | undefined>> => {
    const found = await call('get', () => store.get(key));
    return found.ok ? { ok: true, value: reusable(found.value, lifetime, expired) } : found;
  };

  const resolve = (
    key: string,
    lifetime: number,
    expired: string | undefined,
    mint: MintGuestToken,
    signal: AbortSignal,
  ): Promise<GuestToken> =>
    computeOnceInStore<GuestToken>({
      key,
      store,
      call,
      lockTtlMs,
      signal,
      read: () => read(key, lifetime, expired),
      produce: () => mint(signal),
      keep: async (minted, startedAt) => {
        const expiresAt = startedAt + lifetime;
        const ttlMs = expiresAt - Date.now();
        if (ttlMs > 0) await call('set', () => store.set(key, { token: minted.token, expiresAt }, ttlMs));
      },
    });

  return {
    async createGuestToken(body, mint, signal, expiredToken) {
      if (signal?.aborted) throw abortedError('guestToken', signal.reason);
      const lifetime = body.expiryTime;
      // A token that never expires is never stored: nothing would bound how
      // long a stored copy outlives a change to the user's access.
      if (lifetime === undefined) return mint(signal);
      const key = await guestTokenCacheKey(baseUrl, body);
      // Callers reporting the same expired token share one mint of its successor.
      const flightKey = expiredToken === undefined ? key : `${key} replacing ${expiredToken}`;
      // The signal may have fired while the key was being computed: `run` then rejects at once.
      return flights.run(flightKey, (shared) => resolve(key, lifetime, expiredToken, mint, shared), signal);
    },
  };
}
