import type { GuestTokenRequest } from '@databrain-embed/core';
import { abortableDelay } from './abortableDelay.ts';
import { abortedError } from './abortedError.ts';
import { createSingleFlight } from './createSingleFlight.ts';
import type { GuestToken } from './DatabrainClient.ts';
import type { StoredGuestToken } from './GuestTokenStore.ts';
import { GuestTokenStoreError } from './GuestTokenStoreError.ts';
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

type StoreCall = GuestTokenStoreError['operation'];

/** What a store call gave: its value, or `failed` after it threw or timed out (already reported). */
type StoreResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false };

// setImmediate runs after the I/O callbacks already due; edge runtimes lack it.
const afterPendingIo: (run: () => void) => void =
  typeof setImmediate === 'function' ? (run) => setImmediate(run) : (run) => setTimeout(run, 0);

const FIRST_POLL_MS = 10;
const LONGEST_POLL_MS = 100;

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

  const report = (error: GuestTokenStoreError): void => {
    try {
      options.onError?.(error);
    } catch {
      // A failing logger must not fail a request the store could not serve.
    }
  };

  const call = async <T>(operation: StoreCall, run: () => T | Promise<T>): Promise<StoreResult<T>> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        // After a busy stretch, timers run before the I/O that arrived meanwhile:
        // let that I/O (perhaps the store's answer) be handled first.
        afterPendingIo(() =>
          reject(new GuestTokenStoreError(operation, `no answer within ${storeTimeoutMs} ms`)),
        );
      }, storeTimeoutMs);
    });
    try {
      const value = await Promise.race([Promise.resolve().then(run), timeout]);
      return { ok: true, value };
    } catch (error) {
      report(
        error instanceof GuestTokenStoreError
          ? error
          : new GuestTokenStoreError(operation, 'the store failed', {
              cause: scrubValue(error, secretsOfCall(knownCredentials(client), undefined)),
            }),
      );
      return { ok: false };
    } finally {
      clearTimeout(timer);
    }
  };

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

  /**
   * Another instance holds the lock: poll for the token it stores, taking the
   * lock ourselves once it is free (its holder finished without a token, or
   * died and the lock lapsed). Resolves a token, `true` when we now hold the
   * lock, or `false` when we should mint without it (waited long enough, or
   * the store failed).
   */
  const waitForOther = async (
    key: string,
    owner: string,
    lifetime: number,
    expired: string | undefined,
    signal: AbortSignal,
  ): Promise<GuestToken | boolean> => {
    const giveUpAt = Date.now() + lockTtlMs + LONGEST_POLL_MS;
    let pause = FIRST_POLL_MS;
    while (Date.now() < giveUpAt) {
      await abortableDelay(pause, signal);
      pause = Math.min(pause * 2, LONGEST_POLL_MS);
      const found = await read(key, lifetime, expired);
      if (!found.ok) return false;
      if (found.value !== undefined) return found.value;
      const taken = await call('lock', () => store.lock?.(key, owner, lockTtlMs) ?? false);
      if (!taken.ok) return false;
      if (taken.value) return true;
    }
    return false;
  };

  const resolve = async (
    key: string,
    lifetime: number,
    expired: string | undefined,
    mint: MintGuestToken,
    signal: AbortSignal,
  ): Promise<GuestToken> => {
    const found = await read(key, lifetime, expired);
    // A store that cannot answer now is skipped for the rest of this request.
    if (!found.ok) return mint(signal);
    if (found.value !== undefined) return found.value;

    let owner: string | undefined;
    if (store.lock !== undefined) {
      const candidate = crypto.randomUUID();
      const taken = await call('lock', () => store.lock?.(key, candidate, lockTtlMs) ?? false);
      if (!taken.ok) return mint(signal);
      if (taken.value) owner = candidate;
      else {
        const waited = await waitForOther(key, candidate, lifetime, expired, signal);
        if (typeof waited === 'object') return waited;
        if (waited) owner = candidate;
      }
    }

    // DataBrain starts the token's clock after this moment: counting from here
    // keeps a stored entry from outliving the token.
    const startedAt = Date.now();
    try {
      if (owner !== undefined) {
        // The previous holder may have stored its token and released the lock
        // between our read and our lock: look once more before minting.
        const again = await read(key, lifetime, expired);
        if (again.ok && again.value !== undefined) return again.value;
      }
      const minted = await mint(signal);
      const expiresAt = startedAt + lifetime;
      const ttlMs = expiresAt - Date.now();
      if (ttlMs > 0) await call('set', () => store.set(key, { token: minted.token, expiresAt }, ttlMs));
      return minted;
    } finally {
      if (owner !== undefined) {
        const held = owner;
        await call('unlock', () => store.unlock?.(key, held));
      }
    }
  };

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
