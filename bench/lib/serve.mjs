#!/usr/bin/env node
// One server of the server benchmark, in its own process so it does not share
// an event loop with the load generator:
//   node serve.mjs emulator             the emulator
//   node serve.mjs handler <emulator>   createGuestTokenHandler behind node:http
//   node serve.mjs plain <emulator>     the same endpoint written by hand with
//                                       plain fetch and no validation
// Prints `{"url": …}` once listening; stops when its stdin closes.
import { createServer } from 'node:http';
import { listen } from './listen.mjs';

const [kind, emulatorUrl] = process.argv.slice(2);
let close;
if (kind === 'emulator') {
  const { startEmulator } = await import('@databrain-embed/emulator');
  const emulator = await startEmulator({ port: 0, host: '127.0.0.1' });
  close = () => emulator.close();
  process.stdout.write(`${JSON.stringify({ url: emulator.url })}\n`);
} else if (kind === 'handler') {
  const { EMULATOR_API_KEY, EMULATOR_DATA_APP } = await import('@databrain-embed/emulator');
  const { createDatabrainClient, createGuestTokenHandler } = await import('@databrain-embed/server');
  const { toNodeHandler } = await import('@databrain-embed/server/node');
  const handler = createGuestTokenHandler({
    client: createDatabrainClient({ apiKey: EMULATOR_API_KEY, baseUrl: emulatorUrl }),
    dataAppName: EMULATOR_DATA_APP,
    // What an app does: read the session, grant a tenant, a user and permissions.
    authorize: (request) =>
      request.headers.get('cookie')?.includes('session=')
        ? {
            clientId: 'acme',
            params: { userIdentifier: 'user-42' },
            permissions: { isEnableDownloadMetrics: true },
          }
        : null,
    expiresIn: '1h',
  });
  const server = createServer({ keepAliveTimeout: 10_000 }, toNodeHandler(handler));
  const url = await listen(server);
  close = () =>
    new Promise((resolve) => {
      server.close(resolve);
      server.closeAllConnections();
    });
  process.stdout.write(`${JSON.stringify({ url })}\n`);
} else if (kind === 'plain') {
  const { EMULATOR_API_KEY, EMULATOR_DATA_APP } = await import('@databrain-embed/emulator');
  const server = createServer({ keepAliveTimeout: 10_000 }, async (req, res) => {
    req.resume();
    if (req.method !== 'POST' || !req.headers.cookie?.includes('session=')) {
      res.writeHead(401).end();
      return;
    }
    const expiryTime = 3_600_000;
    const upstream = await fetch(`${emulatorUrl}/api/v2/guest-token/create`, {
      method: 'POST',
      headers: { authorization: `Bearer ${EMULATOR_API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        clientId: 'acme',
        dataAppName: EMULATOR_DATA_APP,
        params: { userIdentifier: 'user-42' },
        permissions: { isEnableDownloadMetrics: true },
        expiryTime,
      }),
    });
    const { token } = await upstream.json();
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ token, expiresIn: expiryTime }));
  });
  const url = await listen(server);
  close = () =>
    new Promise((resolve) => {
      server.close(resolve);
      server.closeAllConnections();
    });
  process.stdout.write(`${JSON.stringify({ url })}\n`);
} else {
  console.error('usage: serve.mjs emulator | handler <emulator url> | plain <emulator url>');
  process.exit(2);
}

process.stdin.resume();
process.stdin.on('end', async () => {
  await close();
  process.exit(0);
});
