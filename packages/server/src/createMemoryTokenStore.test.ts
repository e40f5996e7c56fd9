import { DatabrainValidationError } from '@databrain-embed/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryTokenStore } from './createMemoryTokenStore.ts';

const entry = (token: string) => ({ token, expiresAt: Date.now() + 60_000 });

afterEach(() => {
  vi.useRealTimers();
});

describe('createMemoryTokenStore', () => {
  it('gives back what was set, as a copy holding only the token and its expiry', async () => {
    const store = createMemoryTokenStore();
    const stored = { ...entry('t1'), claims: 'not kept' };
    await store.set('k', stored, 60_000);
    expect(await store.get('k')).toEqual({ token: 't1', expiresAt: stored.expiresAt });
    expect(await store.get('other')).toBeUndefined();
  });

  it('drops an entry when its time to live ends', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const store = createMemoryTokenStore();
    await store.set('k', entry('t1'), 5_000);
    vi.setSystemTime(1_004_999);
    expect(await store.get('k')).toBeDefined();
    vi.setSystemTime(1_005_000);
    expect(await store.get('k')).toBeUndefined();
  });

  it('keeps at most maxEntries, evicting the least recently used first', async () => {
    const store = createMemoryTokenStore({ maxEntries: 2 });
    await store.set('a', entry('ta'), 60_000);
    await store.set('b', entry('tb'), 60_000);
    await store.get('a'); // a is now the most recently used
    await store.set('c', entry('tc'), 60_000);
    expect(await store.get('b')).toBeUndefined();
    expect((await store.get('a'))?.token).toBe('ta');
    expect((await store.get('c'))?.token).toBe('tc');
  });

  it('rejects a maxEntries that is not a positive integer, naming it', () => {
    expect(() => createMemoryTokenStore({ maxEntries: 0 })).toThrow(DatabrainValidationError);
    expect(() => createMemoryTokenStore({ maxEntries: 0 })).toThrow(/maxEntries: must be a positive integer/);
    expect(() => createMemoryTokenStore({ maxEntries: 1.5 })).toThrow(/maxEntries/);
  });
});
