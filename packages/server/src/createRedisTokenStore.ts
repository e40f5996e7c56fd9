import { closedObject, validate, z } from '@databrain-embed/core/internal';
import type { GuestTokenStore } from './GuestTokenStore.ts';

/**
 * The part of a node-redis client (`createClient()` from `redis` 4 or later)
 * the Redis token store uses.
 *
 * @example
 * ```ts
 * import type { NodeRedisLike } from '@databrain-embed/server/redis';
 * import { createClient } from 'redis';
 * const client: NodeRedisLike = await createClient({ url: process.env.REDIS_URL }).connect();
 * ```
 */
export interface NodeRedisLike {
  sendCommand(args: string[]): Promise<unknown>;
  readonly isReady?: boolean;
}

/**
 * The part of an ioredis client (`new Redis()` from `ioredis` 5 or later) the
 * Redis token store uses.
 *
 * @example
 * ```ts
 * import type { IoRedisLike } from '@databrain-embed/server/redis';
 * import { Redis } from 'ioredis';
 * const client: IoRedisLike = new Redis(process.env.REDIS_URL);
 * ```
 */
export interface IoRedisLike {
  call(command: string, ...args: string[]): Promise<unknown>;
  readonly status?: string;
}

/**
 * Options of {@link createRedisTokenStore}.
 *
 * @example
 * ```ts
 * import type { RedisTokenStoreOptions } from '@databrain-embed/server/redis';
 * const options: RedisTokenStoreOptions = { client: redis, prefix: 'my-app:databrain:' };
 * ```
 */
export interface RedisTokenStoreOptions {
  /** Your connected client: node-redis (`redis` 4+) or ioredis (5+). It is never closed here. */
  client: NodeRedisLike | IoRedisLike;
  /** Put before every key, to keep apps sharing one Redis apart. Default `databrain-embed:`. */
  prefix?: string | undefined;
}

// Deletes the lock only while it still holds our owner id: a lock that lapsed
// and was taken by another instance must not be released by us.
const UNLOCK_IF_OWNED =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

// ioredis states in which a command would wait in the offline queue.
const IOREDIS_DOWN: ReadonlySet<string> = new Set(['reconnecting', 'close', 'end']);

type Send = (args: string[]) => Promise<unknown>;

function isIoRedis(client: NodeRedisLike | IoRedisLike): client is IoRedisLike {
  return typeof (client as Partial<IoRedisLike>).call === 'function';
}

function isRedisClient(value: unknown): value is NodeRedisLike | IoRedisLike {
  if (typeof value !== 'object' || value === null) return false;
  const client = value as Partial<NodeRedisLike & IoRedisLike>;
  return typeof client.call === 'function' || typeof client.sendCommand === 'function';
}

const optionsSchema = closedObject(
  {
    client: z.custom<NodeRedisLike | IoRedisLike>(isRedisClient, {
      error: 'must be a node-redis client (createClient() from redis 4+) or an ioredis client',
    }),
    prefix: z.string({ error: 'must be a string' }).default('databrain-embed:'),
  },
  'must be an object such as { client: redis, prefix: "my-app:" }',
  'option',
  // A Redis client is a class instance; its own schema checks it.
  ['client'],
);

function sender(client: NodeRedisLike | IoRedisLike): Send {
  if (isIoRedis(client)) {
    return (args) => {
      // Fail at once instead of queueing while the connection is down.
      if (client.status !== undefined && IOREDIS_DOWN.has(client.status)) {
        return Promise.reject(new Error(`the ioredis client is ${client.status}`));
      }
      const [command = '', ...rest] = args;
      return client.call(command, ...rest);
    };
  }
  return (args) => {
    if (client.isReady === false) return Promise.reject(new Error('the node-redis client is not ready'));
    return client.sendCommand(args);
  };
}

/**
 * A token store in Redis, shared by every app instance that uses the same
 * Redis and prefix, so a user gets one token however many instances serve
 * them. Each entry expires with its token (`SET … PXAT`, Redis 6.2 or later); while one instance
 * mints, the others wait on a short lock (`SET … NX PX`) instead of minting
 * the same token again. Pass your own connected client; it is duck-typed, so
 * this package never loads `redis` or `ioredis` itself. Malformed options
 * throw a `DatabrainValidationError` naming the option.
 *
 * @example
 * ```ts
 * import { createDatabrainClient } from '@databrain-embed/server';
 * import { createRedisTokenStore } from '@databrain-embed/server/redis';
 * import { createClient } from 'redis';
 *
 * const redis = await createClient({ url: process.env.REDIS_URL }).connect();
 * const databrain = createDatabrainClient({
 *   apiKey: process.env.DATABRAIN_API_KEY,
 *   tokenReuse: { store: createRedisTokenStore({ client: redis, prefix: 'my-app:databrain:' }) },
 * });
 * ```
 */
export function createRedisTokenStore(options: RedisTokenStoreOptions): GuestTokenStore {
  const { client, prefix } = validate(optionsSchema, options, 'createRedisTokenStore options');
  const send = sender(client);
  const tokenKey = (key: string) => `${prefix}token:${key}`;
  const lockKey = (key: string) => `${prefix}lock:${key}`;
  const ms = (value: number) => String(Math.max(1, Math.ceil(value)));

  return {
    async get(key) {
      const text = await send(['GET', tokenKey(key)]);
      if (typeof text !== 'string') return undefined;
      const entry: unknown = JSON.parse(text);
      if (typeof entry !== 'object' || entry === null) return undefined;
      const { token, expiresAt } = entry as Record<string, unknown>;
      return typeof token === 'string' && typeof expiresAt === 'number' ? { token, expiresAt } : undefined;
    },
    async set(key, entry, ttlMs) {
      const value = JSON.stringify({ token: entry.token, expiresAt: entry.expiresAt });
      // An absolute deadline (Redis 6.2+): however long the command takes to
      // arrive, the entry is gone when the token expires.
      const dropAt = Math.floor(Math.min(entry.expiresAt, Date.now() + ttlMs));
      await send(['SET', tokenKey(key), value, 'PXAT', String(dropAt)]);
    },
    async lock(key, owner, ttlMs) {
      return (await send(['SET', lockKey(key), owner, 'NX', 'PX', ms(ttlMs)])) === 'OK';
    },
    async unlock(key, owner) {
      await send(['EVAL', UNLOCK_IF_OWNED, '1', lockKey(key), owner]);
    },
  };
}
