// Token reuse across app instances: 3 instances of the token handler (each
// its own process) share one Redis (Debian's redis-server, started here) and
// mint from one emulator. 200 users each call the endpoint 5 times at every
// instance, all within one token lifetime, concurrently and in a shuffled
// order. Mints are counted at the emulator: the ideal is one per user; without
// reuse every request would mint. Then the fault load: one process, 20 % of
// DataBrain calls failing, with and without reuse.
import { fileURLToPath } from 'node:url';
import { startRedisServer } from '../../test/redis/startRedisServer.mjs';
import { seededRandom } from '../../test/seededRandom.mjs';
import { percentile, sendCalls, shuffle, startInstance } from './instances.mjs';

const INSTANCE = fileURLToPath(new URL('./cacheInstance.mjs', import.meta.url));
export const INSTANCES = 3;
export const USERS = 200;
export const CALLS_PER_INSTANCE = 5;
export const CONCURRENCY = 48;
export const FAULT_USERS = 500;
export const FAULT_CALLS = 10;
export const FAULT_RATE = 0.2;

async function acrossInstances() {
  const { startEmulator } = await import('@databrain-embed/emulator');
  const { DATABRAIN_ENDPOINTS } = await import('@databrain-embed/core');
  const redis = await startRedisServer();
  const emulator = await startEmulator({ port: 0, host: '127.0.0.1' });
  const instances = [];
  try {
    const prefix = `bench-${process.pid}:`;
    for (let index = 0; index < INSTANCES; index += 1) {
      instances.push(await startInstance(INSTANCE, [emulator.url, redis.url, prefix]));
    }
    const calls = [];
    for (let user = 0; user < USERS; user += 1) {
      for (let instance = 0; instance < INSTANCES; instance += 1) {
        for (let call = 0; call < CALLS_PER_INSTANCE; call += 1)
          calls.push({ user: `user-${user}`, instance });
      }
    }
    shuffle(calls, seededRandom(42));
    const { answers, seconds } = await sendCalls(instances, calls, {
      path: '/api/databrain/token',
      concurrency: CONCURRENCY,
    });
    const wasMinted = (answer) => answer.headers['x-minted'] === '1';
    const minted = answers.filter((answer) => answer.status === 200 && wasMinted(answer));
    const reused = answers.filter((answer) => answer.status === 200 && !wasMinted(answer));
    const upstream = emulator.requests.filter((entry) => entry.path === DATABRAIN_ENDPOINTS.guestToken);
    return {
      instances: INSTANCES,
      users: USERS,
      requests: answers.length,
      failed: answers.filter((answer) => answer.status !== 200).length,
      mints: upstream.filter((entry) => entry.status === 200).length,
      idealMints: USERS,
      withoutReuseMints: answers.length,
      p50ReusedMs: percentile(
        reused.map((answer) => answer.handlerMs),
        50,
      ),
      p99ReusedMs: percentile(
        reused.map((answer) => answer.handlerMs),
        99,
      ),
      p50MintedMs: percentile(
        minted.map((answer) => answer.handlerMs),
        50,
      ),
      p99MintedMs: percentile(
        minted.map((answer) => answer.handlerMs),
        99,
      ),
      reusedAnswers: reused.length,
      mintedAnswers: minted.length,
      seconds,
    };
  } finally {
    for (const instance of instances) await instance.stop();
    await emulator.close();
    await redis.stop();
  }
}

/**
 * FAULT_USERS users each ask FAULT_CALLS times, one request after the other,
 * all users at once, through one handler whose DataBrain calls fail one time
 * in five (a 500, a 429 or a dropped connection, from the emulator's faults).
 * A holder is a user who already got a token in this run.
 */
async function underFaults(tokenReuse) {
  const { startEmulator, EMULATOR_API_KEY, EMULATOR_DATA_APP } = await import('@databrain-embed/emulator');
  const { createDatabrainClient, createGuestTokenHandler } = await import('@databrain-embed/server');
  const emulator = await startEmulator({ port: 0, host: '127.0.0.1' });
  const random = seededRandom(7);
  const faults = [
    { status: 500, times: 1 },
    { status: 429, times: 1, retryAfter: 0 },
    { drop: true, times: 1 },
  ];
  try {
    const handler = createGuestTokenHandler({
      client: createDatabrainClient({
        apiKey: EMULATOR_API_KEY,
        baseUrl: emulator.url,
        retryDelay: 5,
        tokenReuse,
        fetch: (input, init) => {
          if (random() < FAULT_RATE) emulator.faults.add(faults[Math.floor(random() * faults.length)]);
          return fetch(input, init);
        },
      }),
      dataAppName: EMULATOR_DATA_APP,
      // The injected faults are counted from the answers; a log line for each would only be noise.
      onError: () => {},
      authorize: (request) => ({
        clientId: 'acme',
        params: { userIdentifier: request.headers.get('x-user') },
      }),
      expiresIn: '1h',
    });
    const outcome = { requests: 0, failed: 0, holderRequests: 0, holderFailed: 0 };
    const users = shuffle(
      Array.from({ length: FAULT_USERS }, (_, index) => `user-${index}`),
      random,
    );
    await Promise.all(
      users.map(async (user) => {
        let holds = false;
        for (let call = 0; call < FAULT_CALLS; call += 1) {
          const response = await handler(
            new Request('http://127.0.0.1/api/databrain/token', {
              method: 'POST',
              headers: { 'x-user': user },
            }),
          );
          await response.arrayBuffer();
          const ok = response.status === 200;
          outcome.requests += 1;
          if (!ok) outcome.failed += 1;
          if (holds) {
            outcome.holderRequests += 1;
            if (!ok) outcome.holderFailed += 1;
          }
          if (ok) holds = true;
        }
      }),
    );
    const upstream = emulator.requests.filter((entry) => entry.path === '/api/v2/guest-token/create');
    return {
      ...outcome,
      upstreamCalls: upstream.length,
      upstreamFailed: upstream.filter((entry) => entry.status !== 200).length,
    };
  } finally {
    await emulator.close();
  }
}

export async function run() {
  const result = await acrossInstances();
  const faultLoad = {
    users: FAULT_USERS,
    callsPerUser: FAULT_CALLS,
    upstreamFaultRate: FAULT_RATE,
    withoutReuse: await underFaults(false),
    withReuse: await underFaults(true),
  };
  return { ...result, faultLoad };
}
