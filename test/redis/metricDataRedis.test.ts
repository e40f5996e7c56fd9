import { DATABRAIN_ENDPOINTS, type MetricData } from '@databrain-embed/core';
import { EMULATOR_API_KEY } from '@databrain-embed/emulator';
import { createDatabrainClient, createMetricDataHandler } from '@databrain-embed/server';
import { createRedisTokenStore } from '@databrain-embed/server/redis';
import { describe, expect, it } from 'vitest';
import { emulator, prefix, redisClientKinds, setUpRedisTestbed } from './redisTestbed.ts';

setUpRedisTestbed('data');

const queries = () =>
  emulator.requests.filter((entry) => entry.path === DATABRAIN_ENDPOINTS.metricQuery).length;

describe.each(Object.keys(redisClientKinds) as (keyof typeof redisClientKinds)[])(
  'metric data shared through Redis with %s',
  (kind) => {
    /** One app instance: its own client, Redis connection and handler, as a separate process has. */
    async function instance(ttlMs = 10_000) {
      const redis = await redisClientKinds[kind]();
      return createMetricDataHandler({
        client: createDatabrainClient({ apiKey: EMULATOR_API_KEY, baseUrl: emulator.url }),
        embedId: 'sales-overview',
        budget: false,
        reuse: { ttlMs, store: createRedisTokenStore({ client: redis, prefix }) },
        authorize: (request) => ({ clientId: request.headers.get('x-tenant') ?? 'acme' }),
      });
    }

    const ask = (tenant = 'acme') =>
      new Request('http://app.example/api/databrain/data', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-tenant': tenant },
        body: JSON.stringify({ metricId: 'total-revenue' }),
      });

    it('asks DataBrain once for identical queries arriving together at three instances', async () => {
      const instances = [await instance(), await instance(), await instance()];
      const responses = await Promise.all(
        Array.from({ length: 30 }, (_, index) => instances[index % 3]?.(ask()) as Promise<Response>),
      );
      const bodies = (await Promise.all(responses.map((response) => response.json()))) as MetricData[];
      expect(responses.every((response) => response.status === 200)).toBe(true);
      expect(new Set(bodies.map((body) => JSON.stringify(body))).size).toBe(1);
      expect(bodies[0]?.rows).toHaveLength(4);
      expect(queries()).toBe(1);
      // Another tenant is another query.
      await instances[1]?.(ask('globex'));
      expect(queries()).toBe(2);
    });

    it('keeps an answer in Redis no longer than its lifetime', async () => {
      const handler = await instance(800);
      await handler(ask());
      const redis = await redisClientKinds['node-redis']();
      const keys = await redis.keys(`${prefix}*`);
      expect(keys).toHaveLength(1);
      expect(keys[0]).toMatch(new RegExp(`^${prefix}token:metric-data:[0-9a-f]{64}$`));
      const left = await redis.pTTL(keys[0] ?? '');
      expect(left).toBeGreaterThan(0);
      expect(left).toBeLessThanOrEqual(800);
    });
  },
);
