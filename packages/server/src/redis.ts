export {
  createRedisTokenStore,
  type IoRedisLike,
  type NodeRedisLike,
  type RedisTokenStoreOptions,
} from './createRedisTokenStore.ts';
