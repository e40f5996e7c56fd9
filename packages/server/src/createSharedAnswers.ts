import { abortableDelay } from './abortableDelay.ts';
import { createSingleFlight } from './createSingleFlight.ts';
import type { GuestTokenStore } from './GuestTokenStore.ts';
import { GuestTokenStoreError } from './GuestTokenStoreError.ts';

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

type StoreResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false };

/** How a wait for another process ended: its answer, our lock, or neither (compute without the lock). */
type Waited<T> = { readonly kind: 'answer'; readonly value: T } | { readonly kind: 'locked' | 'alone' };

const FIRST_POLL_MS = 10;
const LONGEST_POLL_MS = 100;

// setImmediate runs after the I/O callbacks already due; edge runtimes lack it.
const afterPendingIo: (run: () => void) => void =
  typeof setImmediate === 'function' ? (run) => setImmediate(run) : (run) => setTimeout(run, 0);

/**
 * One answer for identical requests arriving together or within `ttlMs`,
 * built on the token store of token reuse: its entries are a text with an
 * expiry under a key, and its lock makes instances sharing a Redis compute
 * once. An answer is kept as its `encode`d text in the entry's `token` field
 * (the store reads no field by meaning), under keys of its own. A store that
 * fails or is slow is reported and skipped, never fatal; a failed compute is
 * never stored. Modelled on `createTokenReuse`, whose guest-token rules
 * (minimum remaining life, expired-token replacement) answers do not need.
 */
export function createSharedAnswers<T>(options: SharedAnswersOptions<T>): SharedAnswers<T> {
  const { store, ttlMs, storeTimeoutMs, lockTtlMs } = options;
  const flights = createSingleFlight<T>(options.aborted);

  const report = (error: unknown): void => {
    try {
      options.onError?.(error);
    } catch {
      // A failing logger must not fail a request the store could not serve.
    }
  };

  const call = async <R>(
    operation: GuestTokenStoreError['operation'],
    run: () => R | Promise<R>,
  ): Promise<StoreResult<R>> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        afterPendingIo(() =>
          reject(new GuestTokenStoreError(operation, `no answer within ${storeTimeoutMs} ms`)),
        );
      }, storeTimeoutMs);
    });
    try {
      return { ok: true, value: await Promise.race([Promise.resolve().then(run), timeout]) };
    } catch (error) {
      report(
        error instanceof GuestTokenStoreError
          ? error
          : new GuestTokenStoreError(operation, 'the store failed', { cause: error }),
      );
      return { ok: false };
    } finally {
      clearTimeout(timer);
    }
  };

  const read = async (key: string): Promise<StoreResult<T | undefined>> => {
    const found = await call('get', () => store.get(key));
    if (!found.ok) return found;
    const entry = found.value;
    if (entry === undefined || typeof entry.token !== 'string' || !(entry.expiresAt > Date.now())) {
      return { ok: true, value: undefined };
    }
    return { ok: true, value: options.decode(entry.token) };
  };

  /**
   * Another process holds the lock: poll for the answer it stores, taking the
   * lock once it is free (its holder failed, or died and the lock lapsed).
   * Gives up (`alone`) after the lock's lifetime or when the store fails.
   */
  const waitForOther = async (key: string, owner: string, signal: AbortSignal): Promise<Waited<T>> => {
    const giveUpAt = Date.now() + lockTtlMs + LONGEST_POLL_MS;
    let pause = FIRST_POLL_MS;
    while (Date.now() < giveUpAt) {
      await abortableDelay(pause, signal);
      pause = Math.min(pause * 2, LONGEST_POLL_MS);
      const found = await read(key);
      if (!found.ok) return { kind: 'alone' };
      if (found.value !== undefined) return { kind: 'answer', value: found.value };
      const taken = await call('lock', () => store.lock?.(key, owner, lockTtlMs) ?? false);
      if (!taken.ok) return { kind: 'alone' };
      if (taken.value) return { kind: 'locked' };
    }
    return { kind: 'alone' };
  };

  const resolve = async (
    key: string,
    compute: (signal: AbortSignal) => Promise<T>,
    signal: AbortSignal,
  ): Promise<T> => {
    const found = await read(key);
    if (!found.ok) return compute(signal);
    if (found.value !== undefined) return found.value;

    let owner: string | undefined;
    if (store.lock !== undefined) {
      const candidate = crypto.randomUUID();
      const taken = await call('lock', () => store.lock?.(key, candidate, lockTtlMs) ?? false);
      if (!taken.ok) return compute(signal);
      if (taken.value) owner = candidate;
      else {
        const waited = await waitForOther(key, candidate, signal);
        if (waited.kind === 'answer') return waited.value;
        if (waited.kind === 'locked') owner = candidate;
      }
    }

    try {
      if (owner !== undefined) {
        // The previous holder may have stored its answer between our read and our lock.
        const again = await read(key);
        if (again.ok && again.value !== undefined) return again.value;
      }
      const value = await compute(signal);
      const expiresAt = Date.now() + ttlMs;
      await call('set', () => store.set(key, { token: options.encode(value), expiresAt }, ttlMs));
      return value;
    } finally {
      if (owner !== undefined) {
        const held = owner;
        await call('unlock', () => store.unlock?.(key, held));
      }
    }
  };

  return {
    answer(key, compute, signal) {
      return flights.run(key, (shared) => resolve(key, compute, shared), signal);
    },
  };
}
