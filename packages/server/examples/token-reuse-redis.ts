import { createDatabrainClient, type DatabrainClient } from '@databrain-embed/server';
import { createRedisTokenStore } from '@databrain-embed/server/redis';
import { createClient } from 'redis';

declare const logger: { warn(message: string, error: unknown): void };

// The app's own Redis client (node-redis 4+ or ioredis 5+); keep its errors out of the crash path.
const redis = createClient({ url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' });
redis.on('error', (error) => logger.warn('redis', error));
await redis.connect();

export const databrain: DatabrainClient = createDatabrainClient({
  apiKey: process.env.DATABRAIN_API_KEY,
  tokenReuse: {
    store: createRedisTokenStore({ client: redis, prefix: 'customer-portal:databrain:' }),
    minRemaining: 0.5, // reuse a token while at least half its lifetime is left (the default)
    onError: (error) => logger.warn('token store unavailable; minted instead', error),
  },
});
