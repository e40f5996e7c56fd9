import { createDatabrainClient, createMetricDataHandler } from '@databrain-embed/server';
import { toNodeHandler } from '@databrain-embed/server/node';
import { createRedisTokenStore } from '@databrain-embed/server/redis';
import express from 'express';
import { createClient } from 'redis';

declare function getSession(request: Request): Promise<{ tenantId: string; userId: string } | null>;

const redis = await createClient({ url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' }).connect();

const metricData = createMetricDataHandler({
  client: createDatabrainClient({ apiKey: process.env.DATABRAIN_API_KEY }),
  embedId: 'sales-overview', // used when the browser names no embed
  filters: { product: 'metricFilter', period: 'dashboardFilter' }, // what the browser may choose
  reuse: { ttlMs: 10_000, store: createRedisTokenStore({ client: redis, prefix: 'portal:data:' }) },
  budget: { requests: 60, perMs: 60_000 }, // per user; over it: 429 with Retry-After
  authorize: async (request) => {
    const session = await getSession(request); // the tenant and the security filters: never the browser's
    return session
      ? { clientId: session.tenantId, userId: session.userId, metricFilter: { region: 'EMEA' } }
      : null;
  },
});
// No body parser on this route: the handler reads its own JSON body.
express().post('/api/databrain/data', toNodeHandler(metricData)).listen(3000);
