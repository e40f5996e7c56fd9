import { abortableDelay } from './abortableDelay.ts';
import type { StoreCall, StoreResult } from './createStoreCall.ts';
import type { GuestTokenStore } from './GuestTokenStore.ts';

/** What {@link computeOnceInStore} needs for one key. */
export interface ComputeOnceSteps<T> {
  readonly key: string;
  readonly store: GuestTokenStore;
  readonly call: StoreCall;
  /** How long the lock taken while computing lasts (stores with `lock`), in ms. */
  readonly lockTtlMs: number;
  readonly signal: AbortSignal;
  /** The stored value usable now (`value: undefined` for none). */
  read(): Promise<StoreResult<T | undefined>>;
  /** Computes the value (a DataBrain call). */
  produce(): Promise<T>;
  /** Stores a value produced here; `startedAt` is when producing began. */
  keep(value: T, startedAt: number): Promise<void>;
}

const FIRST_POLL_MS = 10;
const LONGEST_POLL_MS = 100;

/** How a wait for another process ended: its value, our lock, or neither (produce without the lock). */
type Waited<T> = { readonly kind: 'value'; readonly value: T } | { readonly kind: 'locked' | 'alone' };

/**
 * Another process holds the lock: poll for the value it stores, taking the
 * lock once it is free (its holder failed, or died and the lock lapsed).
 * Gives up (`alone`) after the lock's lifetime or when the store fails.
 */
async function waitForOther<T>(steps: ComputeOnceSteps<T>, owner: string): Promise<Waited<T>> {
  const { call, store, key, lockTtlMs, signal } = steps;
  const giveUpAt = Date.now() + lockTtlMs + LONGEST_POLL_MS;
  let pause = FIRST_POLL_MS;
  while (Date.now() < giveUpAt) {
    await abortableDelay(pause, signal);
    pause = Math.min(pause * 2, LONGEST_POLL_MS);
    const found = await steps.read();
    if (!found.ok) return { kind: 'alone' };
    if (found.value !== undefined) return { kind: 'value', value: found.value };
    const taken = await call('lock', () => store.lock?.(key, owner, lockTtlMs) ?? false);
    if (!taken.ok) return { kind: 'alone' };
    if (taken.value) return { kind: 'locked' };
  }
  return { kind: 'alone' };
}

/**
 * The value under a key of a token store, computed once across processes:
 * a stored one while usable; otherwise, with a store that locks, the lock's
 * holder produces and keeps it while the others poll for it. A store that
 * fails is skipped for the rest of the call (the value is produced here and
 * not kept); a failed produce is never kept. Token reuse and the metric-data
 * handler's shared answers both resolve through it.
 *
 * @example
 * ```ts
 * const token = await computeOnceInStore({ key, store, call, lockTtlMs, signal,
 *   read: () => readToken(key), produce: () => mint(signal), keep: (token, at) => storeToken(key, token, at) });
 * ```
 */
export async function computeOnceInStore<T>(steps: ComputeOnceSteps<T>): Promise<T> {
  const { call, store, key, lockTtlMs } = steps;
  const found = await steps.read();
  if (!found.ok) return steps.produce();
  if (found.value !== undefined) return found.value;

  let owner: string | undefined;
  if (store.lock !== undefined) {
    const candidate = crypto.randomUUID();
    const taken = await call('lock', () => store.lock?.(key, candidate, lockTtlMs) ?? false);
    if (!taken.ok) return steps.produce();
    if (taken.value) owner = candidate;
    else {
      const waited = await waitForOther(steps, candidate);
      if (waited.kind === 'value') return waited.value;
      if (waited.kind === 'locked') owner = candidate;
    }
  }

  // DataBrain starts a token's clock after this moment: counting from here
  // keeps a stored entry from outliving what it holds.
  const startedAt = Date.now();
  try {
    if (owner !== undefined) {
      // The previous holder may have stored its value and released the lock
      // between our read and our lock: look once more before producing.
      const again = await steps.read();
      if (again.ok && again.value !== undefined) return again.value;
    }
    const value = await steps.produce();
    await steps.keep(value, startedAt);
    return value;
  } finally {
    if (owner !== undefined) {
      const held = owner;
      await call('unlock', () => store.unlock?.(key, held));
    }
  }
}
