import * as core from '@databrain-embed/core';
import { describe, expect, it } from 'vitest';
import * as main from './index.ts';
import * as node from './node.ts';
import * as redis from './redis.ts';

describe('public exports', () => {
  it('keeps the main entry list stable', () => {
    expect(Object.keys(main).sort()).toEqual([
      'DATABRAIN_CLIENT_DEFAULTS',
      'DatabrainApiError',
      'DatabrainError',
      'DatabrainValidationError',
      'GuestTokenStoreError',
      'METRIC_DATA_HANDLER_DEFAULTS',
      'TOKEN_REUSE_DEFAULTS',
      'appFilter',
      'createDatabrainClient',
      'createGuestTokenHandler',
      'createGuestTokenIssuer',
      'createMemoryTokenStore',
      'createMetricDataHandler',
      'dashboardAppFilter',
      'dateRange',
      'isDatabrainError',
      'numberRange',
      'permissions',
      'sqlFilter',
    ]);
  });

  it("re-exports core's own error classes and builders, so instanceof holds across both imports", () => {
    const fromCore = new Map(Object.entries(core));
    const shared = Object.entries(main).filter(([name]) => fromCore.has(name));
    expect(shared.map(([name]) => name).sort()).toEqual([
      'DatabrainApiError',
      'DatabrainError',
      'DatabrainValidationError',
      'appFilter',
      'dashboardAppFilter',
      'dateRange',
      'isDatabrainError',
      'numberRange',
      'permissions',
      'sqlFilter',
    ]);
    for (const [name, value] of shared) expect(value, name).toBe(fromCore.get(name));
  });

  it('keeps the redis entry list stable', () => {
    expect(Object.keys(redis).sort()).toEqual(['createRedisTokenStore']);
  });

  it('keeps the node entry list stable', () => {
    expect(Object.keys(node).sort()).toEqual(['toNodeHandler']);
  });
});
