#!/usr/bin/env node
// One server of the server benchmark, in its own process so it does not share
// an event loop with the load generator:
//   node serve.mjs emulator             the emulator
//   node serve.mjs handler <emulator>   createGuestTokenHandler behind node:http
//   node serve.mjs plain <emulator>     the same endpoint written by hand with
//                                       plain fetch and no validation
// Prints `{"url": …}` once listening; answers `cpu` lines on stdin with its
// CPU time; stops when its stdin closes.
import { createServer } from 'node:http';
import { createInterface } from 'node:readline';
import { GRANT, LIFETIME_MS, wireBody } from './grant.mjs';
import { listen } from './listen.mjs';

/** Serves `listener` on 127.0.0.1, prints its URL, and returns how to close it. */
async function serve(listener) {
  const server = createServer({ keepAliveTimeout: 10_000 }, listener);
  process.stdout.write(`${JSON.stringify({ url: await listen(server) })}\n`);
  return () =>
    new Promise((resolve) => {
      server.close(resolve);
      server.closeAllConnections();
    });
}

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
    // Every request mints, as the hand-written endpoint does: this measures the
    // handler's cost on a minted token (the cache section measures reuse).
    client: createDatabrainClient({ apiKey: EMULATOR_API_KEY, baseUrl: emulatorUrl, tokenReuse: false }),
    dataAppName: EMULATOR_DATA_APP,
    // What an app does: read the session, grant a tenant, a user and permissions.
    authorize: (request) => (request.headers.get('cookie')?.includes('session=') ? GRANT : null),
    expiresIn: LIFETIME_MS,
  });
  close = await serve(toNodeHandler(handler));
} else if (kind === 'plain') {
  const { EMULATOR_API_KEY, EMULATOR_DATA_APP } = await import('@databrain-embed/emulator');
  close = await serve(async (req, res) => {
    req.resume();
    if (req.method !== 'POST' || !req.headers.cookie?.includes('session=')) {
      res.writeHead(401).end();
      return;
    }
    const upstream = await fetch(`${emulatorUrl}/api/v2/guest-token/create`, {
      method: 'POST',
      headers: { authorization: `Bearer ${EMULATOR_API_KEY}`, 'content-type': 'application/json' },
      body: wireBody(EMULATOR_DATA_APP),
    });
    const { token } = await upstream.json();
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ token, expiresIn: LIFETIME_MS }));
  });
} else {
  console.error('usage: serve.mjs emulator | handler <emulator url> | plain <emulator url>');
  process.exit(2);
}

// A `cpu` line on stdin is answered with the CPU time this process used so
// far (user + system, µs): the load generator reads it before and after a load.
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line !== 'cpu') return;
  const { user, system } = process.cpuUsage();
  process.stdout.write(`${JSON.stringify({ cpuMicros: user + system })}\n`);
});
process.stdin.on('end', async () => {
  await close();
  process.exit(0);
});
