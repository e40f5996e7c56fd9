// A built app served as in production: its files, and the real token handler
// (`createGuestTokenHandler` behind `toNodeHandler`) minting from the emulator
// at POST /api/databrain/token. Every answered token request is recorded, so
// tests and the benchmark can count them. 127.0.0.1 and free ports only.
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { serveFile } from '../serveFile.mjs';

/** Where the app's provider asks for tokens. */
export const TOKEN_PATH = '/api/databrain/token';

/**
 * Serves the built app in `dir` with a token endpoint whose tokens live
 * `tokenLifetimeMs`, and starts the emulator it mints from.
 */
export async function serveApp({ dir, tokenLifetimeMs }) {
  const { EMULATOR_API_KEY, EMULATOR_DATA_APP, startEmulator } = await import('@databrain-embed/emulator');
  const { createDatabrainClient, createGuestTokenHandler } = await import('@databrain-embed/server');
  const { toNodeHandler } = await import('@databrain-embed/server/node');

  const emulator = await startEmulator({ host: '127.0.0.1', port: 0 });
  const handler = createGuestTokenHandler({
    // Every request mints: what is measured is how often the browser asks, and a
    // token reused on the server would hide a second tab asking at once.
    client: createDatabrainClient({ apiKey: EMULATOR_API_KEY, baseUrl: emulator.url, tokenReuse: false }),
    dataAppName: EMULATOR_DATA_APP,
    authorize: () => ({ clientId: 'acme' }),
    expiresIn: tokenLifetimeMs,
  });
  const tokenRequests = [];
  const tokenRoute = toNodeHandler(async (request) => {
    const at = Date.now();
    const response = await handler(request);
    const body = await response
      .clone()
      .json()
      .catch(() => ({}));
    tokenRequests.push({
      at,
      status: response.status,
      token: typeof body.token === 'string' ? body.token : null,
    });
    return response;
  });

  const root = resolve(dir);
  const server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://app.local').pathname;
    if (pathname === TOKEN_PATH) tokenRoute(request, response);
    else if (request.method === 'GET' || request.method === 'HEAD') {
      serveFile(root, request, response).catch(() => {
        if (!response.headersSent) response.writeHead(500);
        response.end();
      });
    } else response.writeHead(405).end();
  });
  await new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  const url = `http://127.0.0.1:${server.address().port}`;

  return {
    url,
    pageUrl: `${url}/?emulator=${encodeURIComponent(emulator.url)}`,
    emulator,
    tokenRequests,
    expiryOf: (token) => emulator.getTokenClaims(token)?.expiresAt,
    async close() {
      server.closeAllConnections();
      await new Promise((done) => server.close(() => done()));
      await emulator.close();
    },
  };
}
