import { computeOnceInStore } from './computeOnceInStore.ts';
import { createSingleFlight } from './createSingleFlight.ts';
import { createStoreCall, type StoreResult } from './createStoreCall.ts';
import type { GuestTokenStore } from './GuestTokenStore.ts';

/** Options of {@link createSharedAnswers}, validated by the caller. */
export interface SharedAnswersOptions<T> {
  /** Where answers are kept: a token store, whose entries hold the answer as text (see below). */
  readonly store: GuestTokenStore;
  /** How long an answer is reused, in ms. */
  readonly ttlMs: number;
  /** Longest wait for one store call, in ms; past it the answer is computed here. */
  readonly storeTimeoutMs: number;
  /** How long the lock taken while computing lasts (stores with `lock`), in ms. */
  readonly lockTtlMs: number;
  /** The answer as text, and back; `decode` returns `undefined` for text that is no answer. */
  readonly encode: (value: T) => string;
  readonly decode: (text: string) => T | undefined;
  /** Called with each store failure (a `GuestTokenStoreError`). */
  readonly onError: ((error: unknown) => void) | undefined;
  /** The error a caller gets when its own signal aborts its wait. */
  readonly aborted: (reason: unknown) => Error;
}

/** Answers shared by identical requests, from {@link createSharedAnswers}. */
export interface SharedAnswers<T> {
  /**
   * The answer under `key`: a stored one while it is fresh, otherwise the
   * one `compute` gives, shared by every identical call in flight here and,
   * with a store that locks, in other processes.
   */
  answer(key: string, compute: (signal: AbortSignal) => Promise<T>, signal: AbortSignal): Promise<T>;
}

/**
 * One answer for identical requests arriving together or within `ttlMs`,
 * built on the token store of token reuse: its entries are a text with an
 * expiry under a key, and its lock makes instances sharing a Redis compute
 * once. An answer is kept as its `encode`d text in the entry's `token` field
 * (the store reads no field by meaning), under keys of its own. A store that
 * fails or is slow is reported and skipped, never fatal; a failed compute is
 * never stored. Modelled on `createTokenReuse`, whose guest-token rules
 * (minimum remaining life, expired-token replacement) answers do not need;
 * both resolve through `computeOnceInStore`.
 */
export function createSharedAnswers<T>(options: SharedAnswersOptions<T>): SharedAnswers<T> {
  const { store, ttlMs, storeTimeoutMs, lockTtlMs } = options;
  const flights = createSingleFlight<T>(options.aborted);

  const call = createStoreCall({ timeoutMs: storeTimeoutMs, onError: options.onError });

  const read = async (key: string): Promise<StoreResult<T | undefined>> => {
    const found = await call('get', () => store.get(key));
    if (!found.ok) return found;
    const entry = found.value;
    if (entry === undefined || typeof entry.token !== 'string' || !(entry.expiresAt > Date.now())) {
      return { ok: true, value: undefined };
    }
    return { ok: true, value: options.decode(entry.token) };
  };

  const resolve = (
    key: string,
    compute: (signal: AbortSignal) => Promise<T>,
    signal: AbortSignal,
  ): Promise<T> =>
    computeOnceInStore<T>({
      key,
      store,
      call,
      lockTtlMs,
      signal,
      read: () => read(key),
      produce: () => compute(signal),
      keep: async (value) => {
        const expiresAt = Date.now() + ttlMs;
        await call('set', () => store.set(key, { token: options.encode(value), expiresAt }, ttlMs));
      },
    });

  return {
    answer(key, compute, signal) {
      return flights.run(key, (shared) => resolve(key, compute, shared), signal);
    },
  };
}
