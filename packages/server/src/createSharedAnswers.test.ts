import { describe, expect, it, vi } from 'vitest';
import { createMemoryTokenStore } from './createMemoryTokenStore.ts';
import { createSharedAnswers, type SharedAnswersOptions } from './createSharedAnswers.ts';
import type { GuestTokenStore, StoredGuestToken } from './GuestTokenStore.ts';

/** A store shared by several "instances", with the lock a Redis store has (SET NX PX). */
function lockingStore(): GuestTokenStore {
  const entries = new Map<string, StoredGuestToken>();
  const locks = new Map<string, { owner: string; until: number }>();
  return {
    get: async (key) => entries.get(key),
    set: async (key, entry) => {
      entries.set(key, entry);
    },
    lock: async (key, owner, ttlMs) => {
      const held = locks.get(key);
      if (held !== undefined && held.until > Date.now()) return false;
      locks.set(key, { owner, until: Date.now() + ttlMs });
      return true;
    },
    unlock: async (key, owner) => {
      if (locks.get(key)?.owner === owner) locks.delete(key);
    },
  };
}

function sharedWith(overrides: Partial<SharedAnswersOptions<number>> = {}) {
  return createSharedAnswers<number>({
    store: createMemoryTokenStore(),
    ttlMs: 1_000,
    storeTimeoutMs: 250,
    lockTtlMs: 2_000,
    encode: String,
    decode: (text) => (/^\d+$/.test(text) ? Number(text) : undefined),
    onError: undefined,
    aborted: () => new Error('aborted'),
    ...overrides,
  });
}

const never = () => new AbortController().signal;

describe('createSharedAnswers', () => {
  it('computes once for identical calls in flight, and reuses the answer after', async () => {
    const shared = sharedWith();
    const compute = vi.fn(async () => 42);
    const answers = await Promise.all(Array.from({ length: 10 }, () => shared.answer('k', compute, never())));
    expect(answers).toEqual(Array(10).fill(42));
    expect(await shared.answer('k', compute, never())).toBe(42);
    expect(compute).toHaveBeenCalledTimes(1);
    expect(await shared.answer('other', async () => 7, never())).toBe(7);
  });

  it('computes once across instances sharing a store with a lock', async () => {
    const store = lockingStore();
    const instances = [sharedWith({ store }), sharedWith({ store }), sharedWith({ store })];
    let calls = 0;
    const compute = async () => {
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 30));
      return 5;
    };
    const answers = await Promise.all(instances.map((instance) => instance.answer('k', compute, never())));
    expect(answers).toEqual([5, 5, 5]);
    expect(calls).toBe(1);
  });

  it('never stores a failure: the next call computes again', async () => {
    const shared = sharedWith();
    await expect(shared.answer('k', async () => Promise.reject(new Error('down')), never())).rejects.toThrow(
      'down',
    );
    expect(await shared.answer('k', async () => 3, never())).toBe(3);
  });

  it('keeps the shared call for the callers still waiting when one leaves, and cancels it when all leave', async () => {
    const shared = sharedWith();
    let computeSignal: AbortSignal | undefined;
    // Read through a function: the compute callback sets it, out of the compiler's sight.
    const lastSignal = (): AbortSignal | undefined => computeSignal;
    let finish: (value: number) => void = () => {};
    const compute = (signal: AbortSignal) => {
      computeSignal = signal;
      return new Promise<number>((resolve) => {
        finish = resolve;
      });
    };
    const first = new AbortController();
    const second = new AbortController();
    const a = shared.answer('k', compute, first.signal);
    const b = shared.answer('k', compute, second.signal);
    first.abort();
    await expect(a).rejects.toThrow('aborted');
    await vi.waitFor(() => expect(computeSignal).toBeDefined());
    expect(computeSignal?.aborted).toBe(false);
    finish(9);
    expect(await b).toBe(9);

    computeSignal = undefined;
    const third = new AbortController();
    const c = shared.answer('j', compute, third.signal);
    await vi.waitFor(() => expect(lastSignal()).toBeDefined());
    third.abort();
    await expect(c).rejects.toThrow('aborted');
    expect(lastSignal()?.aborted).toBe(true);
  });

  it('skips a store that fails, reports it, and still answers', async () => {
    const reported: unknown[] = [];
    const shared = sharedWith({
      store: { get: () => Promise.reject(new Error('offline')), set: () => {} },
      onError: (error) => reported.push(error),
    });
    expect(await shared.answer('k', async () => 1, never())).toBe(1);
    expect(reported.map(String)).toEqual([
      'GuestTokenStoreError: [databrain-embed] token store get: the store failed',
    ]);
  });

  it('ignores a stored entry that is no answer', async () => {
    const store = createMemoryTokenStore();
    await store.set('k', { token: 'not a number', expiresAt: Date.now() + 10_000 }, 10_000);
    expect(await sharedWith({ store }).answer('k', async () => 8, never())).toBe(8);
  });
});
