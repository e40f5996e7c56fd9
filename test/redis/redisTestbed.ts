import { type RunningEmulator, startEmulator } from '@databrain-embed/emulator';
import { Redis } from 'ioredis';
import { createClient } from 'redis';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { type RunningRedisServer, startRedisServer } from './startRedisServer.mjs';

/** The `redis-server` of this test file, started once by {@link setUpRedisTestbed}. */
export let redisServer: RunningRedisServer;
/** A fresh emulator for each test. */
export let emulator: RunningEmulator;
/** A key prefix of each test's own in the shared server. */
export let prefix: string;
/** What a test opened and the testbed closes after it (clients, extra servers). */
export const closers: (() => Promise<unknown>)[] = [];

/**
 * Registers the hooks of a Redis test file: one real `redis-server` for the
 * file, and per test a fresh emulator, a fresh key prefix (`label` and a
 * UUID), and the closing of everything pushed to {@link closers}. The
 * exported bindings follow.
 */
export function setUpRedisTestbed(label: string): void {
  beforeAll(async () => {
    redisServer = await startRedisServer();
  }, 30_000);
  afterAll(async () => {
    await redisServer?.stop();
  });
  beforeEach(async () => {
    emulator = await startEmulator({ port: 0 });
    prefix = `${label}-${crypto.randomUUID()}:`;
  });
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
    await emulator.close();
  });
}

/**
 * A connected client of each kind the Redis store supports, closed after the
 * test. Both retry a lost connection every 50 ms, so a restarted server is
 * found again.
 */
export const redisClientKinds = {
  'node-redis': async (url: string = redisServer.url) => {
    const client = createClient({ url, socket: { reconnectStrategy: 50 } });
    // node-redis re-emits connection errors; a listener keeps them from crashing the test.
    client.on('error', () => {});
    await client.connect();
    closers.push(async () => {
      if (client.isOpen) await client.close();
    });
    return client;
  },
  ioredis: async (url: string = redisServer.url) => {
    const client = new Redis(url, { lazyConnect: true, retryStrategy: () => 50 });
    client.on('error', () => {});
    await client.connect();
    closers.push(async () => client.disconnect());
    return client;
  },
} as const;
