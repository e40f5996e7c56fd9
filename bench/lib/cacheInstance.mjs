#!/usr/bin/env node
// One app instance of the cache benchmark, in its own process: the token
// handler behind node:http, its client keeping tokens in the shared Redis.
//   node cacheInstance.mjs <emulator url> <redis url> <key prefix>
// Prints `{"url": …}` once listening. Each answer carries how long the
// handler took (`server-timing: handler;dur=…`) and whether this request
// called DataBrain (`x-minted: 1`). Stops when its stdin closes.
import { AsyncLocalStorage } from 'node:async_hooks';
import { createServer } from 'node:http';
import { createClient } from 'redis';
import { LIFETIME_MS } from './grant.mjs';
import { serveUntilStdinEnds } from './instances.mjs';

const [emulatorUrl, redisUrl, prefix] = process.argv.slice(2);
const { EMULATOR_API_KEY, EMULATOR_DATA_APP } = await import('@databrain-embed/emulator');
const { createDatabrainClient, createGuestTokenHandler } = await import('@databrain-embed/server');
const { createRedisTokenStore } = await import('@databrain-embed/server/redis');

const redis = createClient({ url: redisUrl });
redis.on('error', (error) => console.error(`redis: ${error.message}`));
await redis.connect();

// Marks the requests whose own async context called DataBrain.
const current = new AsyncLocalStorage();
const handler = createGuestTokenHandler({
  client: createDatabrainClient({
    apiKey: EMULATOR_API_KEY,
    baseUrl: emulatorUrl,
    tokenReuse: {
      store: createRedisTokenStore({ client: redis, prefix }),
      onError: (error) => console.error(String(error)),
    },
    fetch: (input, init) => {
      const record = current.getStore();
      if (record) record.minted = true;
      return fetch(input, init);
    },
  }),
  dataAppName: EMULATOR_DATA_APP,
  // What an app does: the session names the user; the user's tenant follows.
  authorize: (request) => {
    const user = request.headers.get('x-user');
    if (!user) return null;
    return { clientId: `tenant-${user.length % 7}`, params: { userIdentifier: user } };
  },
  expiresIn: LIFETIME_MS,
  onError: (error) => console.error(String(error)),
});

const server = createServer({ keepAliveTimeout: 10_000 }, (req, res) => {
  req.resume();
  const record = { minted: false };
  current.run(record, async () => {
    const request = new Request(`http://127.0.0.1${req.url}`, {
      method: req.method,
      headers: { 'x-user': req.headers['x-user'] ?? '' },
    });
    const started = performance.now();
    const response = await handler(request);
    const duration = performance.now() - started;
    const body = await response.text();
    res.writeHead(response.status, {
      'content-type': 'application/json',
      'server-timing': `handler;dur=${duration.toFixed(3)}`,
      'x-minted': record.minted ? '1' : '0',
    });
    res.end(body);
  });
});
await serveUntilStdinEnds(server, () => redis.close());
