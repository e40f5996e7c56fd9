import { DATABRAIN_ENDPOINTS, DatabrainApiError, DatabrainValidationError } from '@databrain-embed/core';
import {
  EMULATOR_API_KEY,
  EMULATOR_DATA_APP,
  type RunningEmulator,
  startEmulator,
} from '@databrain-embed/emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatabrainClient } from './createDatabrainClient.ts';
import { createGuestTokenHandler } from './createGuestTokenHandler.ts';
import { createMemoryTokenStore } from './createMemoryTokenStore.ts';
import type { GuestTokenStore, StoredGuestToken } from './GuestTokenStore.ts';
import { GuestTokenStoreError } from './GuestTokenStoreError.ts';
import type { TokenReuseOptions } from './TokenReuseOptions.ts';

let emulator: RunningEmulator;
beforeEach(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterEach(async () => {
  await emulator.close();
});

const HOUR = 3_600_000;
const mints = () => emulator.requests.filter((entry) => entry.path === DATABRAIN_ENDPOINTS.guestToken).length;

/** A memory store that records every entry written, with its time to live. */
function recordingStore() {
  const inner = createMemoryTokenStore();
  const writes: { key: string; entry: StoredGuestToken; ttlMs: number }[] = [];
  const store: GuestTokenStore = {
    get: (key) => inner.get(key),
    set: (key, entry, ttlMs) => {
      writes.push({ key, entry, ttlMs });
      return inner.set(key, entry, ttlMs);
    },
  };
  return { store, writes };
}

/** A client with reuse on (in memory, every default) unless told otherwise. */
function client(tokenReuse: TokenReuseOptions | boolean | undefined = true) {
  return createDatabrainClient({
    apiKey: EMULATOR_API_KEY,
    baseUrl: emulator.url,
    retryDelay: 5,
    ...(tokenReuse === undefined ? {} : { tokenReuse }),
  });
}

const grant = { dataAppName: EMULATOR_DATA_APP, clientId: 'acme', expiresIn: HOUR };

describe('token reuse', () => {
  it('answers an identical request with the stored token and the lifetime it has left', async () => {
    const databrain = client();
    const first = await databrain.createGuestToken(grant);
    const second = await databrain.createGuestToken({ ...grant });
    expect(mints()).toBe(1);
    expect(second.token).toBe(first.token);
    expect(first.expiresIn).toBe(HOUR);
    expect(second.expiresIn).toBeLessThanOrEqual(HOUR);
    expect(second.expiresIn).toBeGreaterThan(HOUR / 2);
    // The stored token expires when the minted one does (counted from before the mint), not later.
    expect(second.expiresAt).toBeLessThanOrEqual(first.expiresAt ?? 0);
    expect(second.expiresAt).toBeGreaterThan(Date.now() + HOUR / 2);
    expect(emulator.getTokenClaims(second.token)?.clientId).toBe('acme');
  });

  it('never shares a token between different claims', async () => {
    const databrain = client();
    const variants = [
      grant,
      { ...grant, clientId: 'globex' },
      { ...grant, params: { userIdentifier: 'user-1' } },
      { ...grant, params: { userIdentifier: 'user-2' } },
      { ...grant, permissions: { isEnableDownloadMetrics: false } },
      { ...grant, expiresIn: HOUR / 2 },
    ];
    const tokens = [];
    for (const variant of variants) tokens.push((await databrain.createGuestToken(variant)).token);
    expect(new Set(tokens).size).toBe(variants.length);
    expect(mints()).toBe(variants.length);
  });

  it('treats the same claims written in another key order as identical', async () => {
    const databrain = client();
    const a = await databrain.createGuestToken({
      ...grant,
      params: { userIdentifier: 'u', appFilters: [{ metricId: 'revenue', values: { country: 'FR' } }] },
    });
    const b = await databrain.createGuestToken({
      params: { appFilters: [{ values: { country: 'FR' }, metricId: 'revenue' }], userIdentifier: 'u' },
      expiresIn: HOUR,
      clientId: 'acme',
      dataAppName: EMULATOR_DATA_APP,
    });
    expect(b.token).toBe(a.token);
    expect(mints()).toBe(1);
  });

  it('shares one mint between identical concurrent requests', async () => {
    const databrain = client();
    const answers = await Promise.all(Array.from({ length: 20 }, () => databrain.createGuestToken(grant)));
    expect(new Set(answers.map((answer) => answer.token)).size).toBe(1);
    expect(mints()).toBe(1);
  });

  it('mints again once less than minRemaining of the lifetime is left', async () => {
    const { store, writes } = recordingStore();
    const databrain = client({ store, minRemaining: 0.5 });
    const first = await databrain.createGuestToken(grant);
    const key = writes[0]?.key ?? '';
    // The stored token has 40 % of its life left: below the 50 % asked for.
    await store.set(key, { token: first.token, expiresAt: Date.now() + HOUR * 0.4 }, HOUR * 0.4);
    const second = await databrain.createGuestToken(grant);
    expect(second.token).not.toBe(first.token);
    expect(mints()).toBe(2);
    // With 60 % left it is reused.
    await store.set(key, { token: first.token, expiresAt: Date.now() + HOUR * 0.6 }, HOUR * 0.6);
    expect((await databrain.createGuestToken(grant)).token).toBe(first.token);
    expect(mints()).toBe(2);
  });

  it('stores only the token and its expiry, never longer than the token lives, under a key without the API key', async () => {
    const { store, writes } = recordingStore();
    const before = Date.now();
    const minted = await client({ store }).createGuestToken(grant);
    expect(writes).toHaveLength(1);
    const [write] = writes;
    expect(Object.keys(write?.entry ?? {}).sort()).toEqual(['expiresAt', 'token']);
    expect(write?.entry.token).toBe(minted.token);
    expect(write?.entry.expiresAt).toBeGreaterThanOrEqual(before + HOUR);
    expect(write?.entry.expiresAt).toBeLessThanOrEqual(minted.expiresAt ?? 0);
    expect(write?.ttlMs).toBeLessThanOrEqual(HOUR);
    expect(write?.ttlMs).toBeLessThanOrEqual((write?.entry.expiresAt ?? 0) - before);
    expect(write?.key).toMatch(/^[0-9a-f]{64}$/);
    expect(write?.key).not.toContain(EMULATOR_API_KEY);
  });

  it('gives the same key for the same claims at the same DataBrain, another for another DataBrain', async () => {
    const first = recordingStore();
    await client({ store: first.store }).createGuestToken(grant);
    const again = recordingStore();
    await client({ store: again.store }).createGuestToken(grant);
    expect(again.writes[0]?.key).toBe(first.writes[0]?.key);
    const other = await startEmulator({ port: 0 });
    try {
      const elsewhere = recordingStore();
      await createDatabrainClient({
        apiKey: EMULATOR_API_KEY,
        baseUrl: other.url,
        tokenReuse: { store: elsewhere.store },
      }).createGuestToken(grant);
      expect(elsewhere.writes[0]?.key).not.toBe(first.writes[0]?.key);
    } finally {
      await other.close();
    }
  });

  it('never answers with a token the caller reported expired, and stores its successor', async () => {
    const databrain = client();
    const first = await databrain.createGuestToken(grant);
    const [a, b] = await Promise.all([
      databrain.createGuestToken(grant, { expiredToken: first.token }),
      databrain.createGuestToken(grant, { expiredToken: first.token }),
    ]);
    expect(a.token).not.toBe(first.token);
    // Two tabs reporting the same expired token share one new mint.
    expect(b.token).toBe(a.token);
    expect(mints()).toBe(2);
    expect((await databrain.createGuestToken(grant)).token).toBe(a.token);
    expect(mints()).toBe(2);
  });

  it('lets the browser name the expired token to the handler, in the x-databrain-expired-token header', async () => {
    const handler = createGuestTokenHandler({
      client: client(),
      dataAppName: EMULATOR_DATA_APP,
      authorize: () => ({ clientId: 'acme' }),
    });
    const ask = async (headers: Record<string, string> = {}) => {
      const response = await handler(
        new Request('http://app.example.com/token', { method: 'POST', headers }),
      );
      return ((await response.json()) as { token: string }).token;
    };
    const first = await ask();
    expect(await ask()).toBe(first);
    const renewed = await ask({ 'x-databrain-expired-token': first });
    expect(renewed).not.toBe(first);
    expect(await ask()).toBe(renewed);
    expect(mints()).toBe(2);
  });

  it('never stores a token that never expires', async () => {
    const { store, writes } = recordingStore();
    const databrain = client({ store });
    const first = await databrain.createGuestToken({ ...grant, expiresIn: 'never' });
    const second = await databrain.createGuestToken({ ...grant, expiresIn: 'never' });
    expect(first.expiresIn).toBeNull();
    expect(second.token).not.toBe(first.token);
    expect(writes).toHaveLength(0);
    expect(mints()).toBe(2);
  });

  it('mints on every call when turned off', async () => {
    const databrain = client(false);
    const first = await databrain.createGuestToken(grant);
    const second = await databrain.createGuestToken(grant);
    expect(second.token).not.toBe(first.token);
    expect(mints()).toBe(2);
  });

  it('is on by default, in memory', async () => {
    const databrain = createDatabrainClient({ apiKey: EMULATOR_API_KEY, baseUrl: emulator.url });
    const first = await databrain.createGuestToken(grant);
    expect((await databrain.createGuestToken(grant)).token).toBe(first.token);
    expect(mints()).toBe(1);
  });

  it('mints and reports through onError when the store throws', async () => {
    const errors: unknown[] = [];
    const failing: GuestTokenStore = {
      get: () => Promise.reject(new Error('connection refused')),
      set: () => {
        throw new Error('connection refused');
      },
    };
    const databrain = client({ store: failing, onError: (error) => errors.push(error) });
    const first = await databrain.createGuestToken(grant);
    const second = await databrain.createGuestToken(grant);
    expect(first.token).not.toBe(second.token);
    expect(mints()).toBe(2);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toBeInstanceOf(GuestTokenStoreError);
    expect((errors[0] as GuestTokenStoreError).operation).toBe('get');
    expect((errors[0] as Error).cause).toEqual(new Error('connection refused'));
  });

  it('gives up on a store that does not answer within storeTimeoutMs, and mints', async () => {
    const errors: unknown[] = [];
    const hanging: GuestTokenStore = { get: () => new Promise(() => {}), set: () => new Promise(() => {}) };
    const databrain = client({ store: hanging, storeTimeoutMs: 50, onError: (error) => errors.push(error) });
    const minted = await databrain.createGuestToken(grant);
    expect(emulator.getTokenClaims(minted.token)?.clientId).toBe('acme');
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toMatch(/token store get: no answer within 50 ms/);
  });

  it('keeps answering when onError itself throws', async () => {
    const failing: GuestTokenStore = { get: () => Promise.reject(new Error('down')), set: () => {} };
    const databrain = client({
      store: failing,
      onError: () => {
        throw new Error('logger down');
      },
    });
    await expect(databrain.createGuestToken(grant)).resolves.toMatchObject({ expiresIn: HOUR });
  });

  it('fails only the caller who aborts while another still waits for the shared mint', async () => {
    emulator.faults.add({ latencyMs: 200, times: 1 });
    const databrain = client();
    const leaving = new AbortController();
    const first = databrain.createGuestToken(grant, { signal: leaving.signal });
    const second = databrain.createGuestToken(grant);
    // Both wait on the slow mint by now; one of them leaves.
    setTimeout(() => leaving.abort(), 20);
    await expect(first).rejects.toMatchObject({ code: 'ABORTED' });
    await expect(first).rejects.toBeInstanceOf(DatabrainApiError);
    const kept = await second;
    expect(emulator.getTokenClaims(kept.token)?.clientId).toBe('acme');
    expect(mints()).toBe(1);
  });

  it('cancels the mint when its only caller aborts', async () => {
    emulator.faults.add({ latencyMs: 300, times: 1 });
    const databrain = client();
    const leaving = new AbortController();
    const call = databrain.createGuestToken(grant, { signal: leaving.signal });
    setTimeout(() => leaving.abort(), 20);
    await expect(call).rejects.toMatchObject({ code: 'ABORTED' });
    // Nothing was stored: the next call mints.
    const next = await databrain.createGuestToken(grant);
    expect(emulator.getTokenClaims(next.token)?.clientId).toBe('acme');
  });

  it('rejects malformed tokenReuse options with the field and the rule, before any request', () => {
    const attempt = (tokenReuse: unknown) => () =>
      createDatabrainClient({ apiKey: EMULATOR_API_KEY, baseUrl: emulator.url, tokenReuse } as never);
    expect(attempt({ minRemaining: 0 })).toThrow(DatabrainValidationError);
    expect(attempt({ minRemaining: 1.5 })).toThrow(/tokenReuse\.minRemaining.*above 0 and at most 1/);
    expect(attempt({ storeTimeoutMs: -1 })).toThrow(/tokenReuse\.storeTimeoutMs.*integer/);
    expect(attempt({ store: { get: () => undefined } })).toThrow(/tokenReuse\.store.*get and set/);
    expect(attempt({ ttl: 5 })).toThrow(/tokenReuse\.ttl: unknown option/);
    expect(attempt('yes')).toThrow(/tokenReuse.*must be true, false or an object/);
    expect(emulator.requests).toHaveLength(0);
  });
});
