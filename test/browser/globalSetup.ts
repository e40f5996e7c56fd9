import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EMULATOR_API_KEY, EMULATOR_DATA_APP, startEmulator } from '@databrain-embed/emulator';
import {
  createDatabrainClient,
  createGuestTokenHandler,
  type GuestTokenGrant,
} from '@databrain-embed/server';
import { toNodeHandler } from '@databrain-embed/server/node';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the emulator the preview elements read. */
    emulatorUrl: string;
    /** The token endpoint: the real handler, `?user=<name>` picks a grant below. */
    tokenEndpointUrl: string;
  }
}

/** The signed-in users of the browser tests, decided on the server as in a real app. */
const GRANTS: Readonly<Record<string, GuestTokenGrant>> = {
  'acme-analyst': {
    clientId: 'acme',
    permissions: {
      isEnableDownloadMetrics: true,
      isEnableUnderlyingData: true,
      isEnableManageMetrics: false,
    },
    expiresIn: 60 * 60 * 1000,
  },
  'acme-short': { clientId: 'acme', permissions: { isEnableDownloadMetrics: false }, expiresIn: 4_000 },
  'globex-viewer': { clientId: 'globex', expiresIn: 60 * 60 * 1000 },
};

const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, OPTIONS',
  // x-databrain-expired-token: the token an element reported expired, sent when replacing it.
  'access-control-allow-headers': 'content-type, accept, x-databrain-expired-token',
};

/**
 * Starts the emulator and a token endpoint (the real `createGuestTokenHandler`
 * behind `toNodeHandler`) on 127.0.0.1, with CORS for the test page, which is
 * served from Vitest's own origin.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const emulator = await startEmulator({ host: '127.0.0.1', port: 0 });
  const handler = toNodeHandler(
    createGuestTokenHandler({
      client: createDatabrainClient({ apiKey: EMULATOR_API_KEY, baseUrl: emulator.url }),
      dataAppName: EMULATOR_DATA_APP,
      authorize: (request) => GRANTS[new URL(request.url).searchParams.get('user') ?? ''] ?? null,
    }),
  );
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    for (const [name, value] of Object.entries(CORS_HEADERS)) response.setHeader(name, value);
    if (request.method === 'OPTIONS') {
      response.writeHead(204).end();
      return;
    }
    handler(request, response);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;

  project.provide('emulatorUrl', emulator.url);
  project.provide('tokenEndpointUrl', `http://127.0.0.1:${port}/token`);

  return async () => {
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
    await emulator.close();
  };
}
