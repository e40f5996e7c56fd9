// Identical metric queries across app instances: 3 instances of the
// metric-data handler (each its own process) share one Redis (Debian's
// redis-server, started here) and query one emulator. 200 users each send
// the same query 5 times, spread over the instances, concurrently and in a
// shuffled order. Queries are counted at the emulator: the ideal is one per
// user; without sharing every request would query.
import { fileURLToPath } from 'node:url';
import { startRedisServer } from '../../test/redis/startRedisServer.mjs';
import { seededRandom } from '../../test/seededRandom.mjs';
import { percentile, sendCalls, shuffle, startInstance } from './instances.mjs';

const INSTANCE = fileURLToPath(new URL('./dataInstance.mjs', import.meta.url));
export const INSTANCES = 3;
export const USERS = 200;
export const QUERIES_PER_USER = 5;
export const CONCURRENCY = 48;

const BODY = JSON.stringify({ metricId: 'total-revenue', filters: { region: 'EMEA' } });

export async function run() {
  const { startEmulator } = await import('@databrain-embed/emulator');
  const { DATABRAIN_ENDPOINTS } = await import('@databrain-embed/core');
  const redis = await startRedisServer();
  const emulator = await startEmulator({ port: 0, host: '127.0.0.1' });
  const instances = [];
  try {
    const prefix = `bench-data-${process.pid}:`;
    for (let index = 0; index < INSTANCES; index += 1) {
      instances.push(await startInstance(INSTANCE, [emulator.url, redis.url, prefix]));
    }
    const random = seededRandom(42);
    const calls = [];
    for (let user = 0; user < USERS; user += 1) {
      for (let query = 0; query < QUERIES_PER_USER; query += 1) {
        calls.push({ user: `user-${user}`, instance: Math.floor(random() * INSTANCES) });
      }
    }
    shuffle(calls, random);
    const { answers, seconds } = await sendCalls(instances, calls, {
      path: '/api/databrain/data',
      body: BODY,
      concurrency: CONCURRENCY,
    });
    const upstream = emulator.requests.filter((entry) => entry.path === DATABRAIN_ENDPOINTS.metricQuery);
    const answered = answers.filter((answer) => answer.status === 200);
    return {
      instances: INSTANCES,
      users: USERS,
      queries: answers.length,
      failed: answers.length - answered.length,
      upstreamCalls: upstream.length,
      idealUpstreamCalls: USERS,
      withoutSharingUpstreamCalls: answers.length,
      p50Ms: percentile(
        answered.map((answer) => answer.handlerMs),
        50,
      ),
      p99Ms: percentile(
        answered.map((answer) => answer.handlerMs),
        99,
      ),
      seconds,
    };
  } finally {
    for (const instance of instances) await instance.stop();
    await emulator.close();
    await redis.stop();
  }
}
