// One app instance in its own process, for the Redis tests: a client whose
// tokens are kept in the shared Redis. Started by spawnTokenInstance (bundled
// first, since Node runs no TypeScript). It connects, prints "ready", waits for
// "go" on stdin so every instance starts at the same moment, makes `calls`
// identical concurrent token requests, prints the tokens as JSON and exits.
import { createInterface } from 'node:readline';
import { createDatabrainClient } from '@databrain-embed/server';
import { createRedisTokenStore } from '@databrain-embed/server/redis';
import { Redis } from 'ioredis';
import { createClient } from 'redis';

export interface TokenInstanceConfig {
  redisUrl: string;
  client: 'node-redis' | 'ioredis';
  prefix: string;
  emulatorUrl: string;
  apiKey: string;
  dataAppName: string;
  calls: number;
}

const config = JSON.parse(process.argv[2] ?? '{}') as TokenInstanceConfig;
const redis =
  config.client === 'ioredis'
    ? new Redis(config.redisUrl, { lazyConnect: true })
    : createClient({ url: config.redisUrl });
await redis.connect();
const databrain = createDatabrainClient({
  apiKey: config.apiKey,
  baseUrl: config.emulatorUrl,
  tokenReuse: {
    store: createRedisTokenStore({ client: redis, prefix: config.prefix }),
    // On a busy machine a store answer may come late; this test is about the lock, not the timeout.
    storeTimeoutMs: 2_000,
  },
});
process.stdout.write('ready\n');
const lines = createInterface({ input: process.stdin });
for await (const line of lines) if (line === 'go') break;
const answers = await Promise.all(
  Array.from({ length: config.calls }, () =>
    databrain.createGuestToken({ dataAppName: config.dataAppName, clientId: 'acme', expiresIn: 3_600_000 }),
  ),
);
process.stdout.write(`${JSON.stringify(answers.map((answer) => answer.token))}\n`);
if (redis instanceof Redis) await redis.quit();
else await redis.close();
process.exit(0);
