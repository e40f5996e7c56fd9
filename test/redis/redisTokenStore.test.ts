import { DATABRAIN_ENDPOINTS } from '@databrain-embed/core';
import { EMULATOR_API_KEY, EMULATOR_DATA_APP } from '@databrain-embed/emulator';
import { createDatabrainClient, GuestTokenStoreError, type TokenReuseOptions } from '@databrain-embed/server';
import { createRedisTokenStore } from '@databrain-embed/server/redis';
import { createClient } from 'redis';
import { describe, expect, it } from 'vitest';
import {
  closers,
  emulator,
  prefix,
  redisClientKinds,
  redisServer,
  setUpRedisTestbed,
} from './redisTestbed.ts';
import { spawnTokenInstance } from './spawnTokenInstance.ts';
import { startRedisServer } from './startRedisServer.mjs';

const HOUR = 3_600_000;
const grant = { dataAppName: EMULATOR_DATA_APP, clientId: 'acme', expiresIn: HOUR };

setUpRedisTestbed('test');

const mints = () => emulator.requests.filter((entry) => entry.path === DATABRAIN_ENDPOINTS.guestToken).length;

/** A plain node-redis connection for looking at what the store wrote. */
async function inspector(url = redisServer.url) {
  const client = createClient({ url });
  client.on('error', () => {});
  await client.connect();
  closers.push(() => client.close());
  return client;
}

describe.each(Object.keys(redisClientKinds) as (keyof typeof redisClientKinds)[])(
  'the Redis token store with %s',
  (kind) => {
    const connect = (url = redisServer.url) => redisClientKinds[kind](url);
    const databrainWith = async (reuse: Omit<TokenReuseOptions, 'store'> = {}, url?: string) =>
      createDatabrainClient({
        apiKey: EMULATOR_API_KEY,
        baseUrl: emulator.url,
        retryDelay: 5,
        tokenReuse: {
          // A late answer on a busy machine must not turn into a second mint here.
          storeTimeoutMs: 2_000,
          ...reuse,
          store: createRedisTokenStore({ client: await connect(url), prefix }),
        },
      });

    it('keeps only the token and its expiry, for no longer than the token lives, under a key without the API key', async () => {
      const minted = await (await databrainWith()).createGuestToken(grant);
      const redis = await inspector();
      const keys = await redis.keys(`${prefix}*`);
      expect(keys).toHaveLength(1);
      const [key = ''] = keys;
      expect(key).toMatch(new RegExp(`^${prefix}token:[0-9a-f]{64}$`));
      expect(key).not.toContain(EMULATOR_API_KEY);
      expect(JSON.parse((await redis.get(key)) ?? '{}')).toEqual({
        token: minted.token,
        expiresAt: expect.any(Number),
      });
      const askedAt = Date.now();
      const ttl = await redis.pTTL(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(HOUR);
      const { expiresAt } = JSON.parse((await redis.get(key)) ?? '{}') as { expiresAt: number };
      // The entry is gone by the time the token expires.
      expect(askedAt + ttl).toBeLessThanOrEqual(expiresAt + 1);
      expect(expiresAt).toBeLessThanOrEqual(minted.expiresAt ?? 0);
    });

    it('lets another client instance reuse the token without minting', async () => {
      const first = await (await databrainWith()).createGuestToken(grant);
      const second = await (await databrainWith()).createGuestToken(grant);
      expect(second.token).toBe(first.token);
      expect(second.expiresIn).toBeLessThanOrEqual(HOUR);
      expect(mints()).toBe(1);
      // Different claims never share it.
      const other = await (await databrainWith()).createGuestToken({ ...grant, clientId: 'globex' });
      expect(other.token).not.toBe(first.token);
      expect(mints()).toBe(2);
    });

    it('mints once the lock of an instance that died has lapsed, then releases its own lock', async () => {
      const redis = await inspector();
      await (await databrainWith()).createGuestToken(grant);
      const [tokenKey = ''] = await redis.keys(`${prefix}token:*`);
      const lockKey = tokenKey.replace(`${prefix}token:`, `${prefix}lock:`);
      // What a holder that died mid-mint leaves behind: a lock and no token.
      await redis.del(tokenKey);
      await redis.set(lockKey, 'holder-that-died', { PX: 300 });
      const lockAtMint: (string | null)[] = [];
      const databrain = createDatabrainClient({
        apiKey: EMULATOR_API_KEY,
        baseUrl: emulator.url,
        tokenReuse: {
          store: createRedisTokenStore({ client: await connect(), prefix }),
          lockTtlMs: 2_000,
          storeTimeoutMs: 2_000,
        },
        fetch: async (input, init) => {
          lockAtMint.push(await redis.get(lockKey));
          return fetch(input, init);
        },
      });
      const minted = await databrain.createGuestToken(grant);
      expect(emulator.getTokenClaims(minted.token)?.clientId).toBe('acme');
      expect(mints()).toBe(2);
      // It minted holding its own lock, taken after the dead holder's lapsed.
      expect(lockAtMint).toHaveLength(1);
      expect(lockAtMint[0]).toMatch(/^[0-9a-f-]{36}$/);
      expect(await redis.get(lockKey)).toBeNull();
      expect(JSON.parse((await redis.get(tokenKey)) ?? '{}').token).toBe(minted.token);
    });

    it('releases a lock only while it still owns it', async () => {
      const store = createRedisTokenStore({ client: await connect(), prefix });
      expect(await store.lock?.('k', 'owner-a', 5_000)).toBe(true);
      expect(await store.lock?.('k', 'owner-b', 5_000)).toBe(false);
      await store.unlock?.('k', 'owner-b');
      expect(await store.lock?.('k', 'owner-c', 5_000)).toBe(false);
      await store.unlock?.('k', 'owner-a');
      expect(await store.lock?.('k', 'owner-c', 5_000)).toBe(true);
    });

    it('keeps answering when Redis stops in the middle of a run, minting and reporting through onError', async () => {
      const ownServer = await startRedisServer();
      closers.push(() => ownServer.stop());
      const errors: unknown[] = [];
      const databrain = await databrainWith(
        { storeTimeoutMs: 200, onError: (error) => errors.push(error) },
        ownServer.url,
      );
      const before = await databrain.createGuestToken(grant);
      expect((await databrain.createGuestToken(grant)).token).toBe(before.token);
      expect(errors).toHaveLength(0);
      await ownServer.stop();
      const after = await Promise.all(
        Array.from({ length: 5 }, (_, index) =>
          databrain.createGuestToken({ ...grant, params: { userIdentifier: `user-${index}` } }),
        ),
      );
      for (const answer of after) expect(emulator.getTokenClaims(answer.token)?.clientId).toBe('acme');
      expect(mints()).toBe(6);
      expect(errors.length).toBeGreaterThanOrEqual(5);
      for (const error of errors) expect(error).toBeInstanceOf(GuestTokenStoreError);
    });
  },
);

describe('two app instances in two processes sharing one Redis', () => {
  it('mint once for identical requests arriving together', async () => {
    const config = {
      redisUrl: redisServer.url,
      prefix,
      emulatorUrl: emulator.url,
      apiKey: EMULATOR_API_KEY,
      dataAppName: EMULATOR_DATA_APP,
      calls: 10,
    };
    // The emulator answers slowly enough for both instances to be waiting at once.
    emulator.faults.add({ latencyMs: 150, times: 5 });
    const instances = await Promise.all([
      spawnTokenInstance({ ...config, client: 'node-redis' }),
      spawnTokenInstance({ ...config, client: 'ioredis' }),
    ]);
    for (const instance of instances) instance.go();
    const tokens = (await Promise.all(instances.map((instance) => instance.tokens()))).flat();
    expect(tokens).toHaveLength(20);
    expect(new Set(tokens).size).toBe(1);
    expect(mints()).toBe(1);
  }, 60_000);
});
