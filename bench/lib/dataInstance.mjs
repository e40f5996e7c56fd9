#!/usr/bin/env node
// One app instance of the data benchmark, in its own process: the metric-data
// handler behind node:http, identical queries shared through one Redis.
//   node dataInstance.mjs <emulator url> <redis url> <key prefix>
// Prints `{"url": …}` once listening. Each answer carries how long the handler
// took (`server-timing: handler;dur=…`). Stops when its stdin closes.
import { createServer } from 'node:http';
import { createClient } from 'redis';
import { serveUntilStdinEnds } from './instances.mjs';

const [emulatorUrl, redisUrl, prefix] = process.argv.slice(2);
const { EMULATOR_API_KEY } = await import('@databrain-embed/emulator');
const { createDatabrainClient, createMetricDataHandler } = await import('@databrain-embed/server');
const { createRedisTokenStore } = await import('@databrain-embed/server/redis');

const redis = createClient({ url: redisUrl });
redis.on('error', (error) => console.error(`redis: ${error.message}`));
await redis.connect();

const handler = createMetricDataHandler({
  client: createDatabrainClient({ apiKey: EMULATOR_API_KEY, baseUrl: emulatorUrl }),
  embedId: 'sales-overview',
  // A short lifetime, as an app sets it; the whole run fits in it.
  reuse: { ttlMs: 30_000, store: createRedisTokenStore({ client: redis, prefix }) },
  // What an app does: the session names the user, and the user is the tenant here,
  // so every user's query is its own and identical only to that user's others.
  authorize: (request) => {
    const user = request.headers.get('x-user');
    return user ? { clientId: user, userId: user } : null;
  },
  onError: (error) => console.error(String(error)),
});

const server = createServer({ keepAliveTimeout: 10_000 }, (req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', async () => {
    const request = new Request(`http://127.0.0.1${req.url}`, {
      method: req.method,
      headers: { 'x-user': req.headers['x-user'] ?? '', 'content-type': 'application/json' },
      body: Buffer.concat(chunks),
    });
    const started = performance.now();
    const response = await handler(request);
    const body = await response.text();
    const duration = performance.now() - started;
    res.writeHead(response.status, {
      'content-type': 'application/json',
      'server-timing': `handler;dur=${duration.toFixed(3)}`,
    });
    res.end(body);
  });
});
await serveUntilStdinEnds(server, () => redis.close());
