import { describe, expect, it } from 'vitest';
import * as main from './index.ts';
import * as node from './node.ts';
import * as redis from './redis.ts';

describe('public exports', () => {
  it('keeps the main entry list stable', () => {
    expect(Object.keys(main).sort()).toEqual([
      'DATABRAIN_CLIENT_DEFAULTS',
      'GuestTokenStoreError',
      'TOKEN_REUSE_DEFAULTS',
      'createDatabrainClient',
      'createGuestTokenHandler',
      'createGuestTokenIssuer',
      'createMemoryTokenStore',
    ]);
  });

  it('keeps the redis entry list stable', () => {
    expect(Object.keys(redis).sort()).toEqual(['createRedisTokenStore']);
  });

  it('keeps the node entry list stable', () => {
    expect(Object.keys(node).sort()).toEqual(['toNodeHandler']);
  });
});
