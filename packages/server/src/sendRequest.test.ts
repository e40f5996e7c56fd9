import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DatabrainApiError, DOCUMENTED_ERRORS } from '@databrain-embed/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabrainClient } from './createDatabrainClient.ts';
import type { DatabrainClient } from './DatabrainClient.ts';
import type { DatabrainClientOptions } from './DatabrainClientOptions.ts';
import {
  type ScriptedAnswer,
  type ScriptedServer,
  startScriptedServer,
} from './testing/startScriptedServer.ts';

const API_KEY = 'api-key-7f3a9c1e-0000-4000-8000-000000000001';
const SERVICE_TOKEN = 'service-token-5b2d8e4f-0000-4000-8000-000000000002';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function clientAnswering(
  answer: (request: { method: string; url: string; body: string }) => ScriptedAnswer,
  options: Partial<DatabrainClientOptions> = {},
): Promise<DatabrainClient> {
  server = await startScriptedServer(answer);
  return createDatabrainClient({
    apiKey: API_KEY,
    serviceToken: SERVICE_TOKEN,
    baseUrl: server.url,
    maxRetries: 0,
    ...options,
  });
}

const errorBody = (code: string, message = 'Something went wrong') =>
  JSON.stringify({ error: { code, message } });

const calls = {
  guestToken: (client: DatabrainClient) =>
    client.createGuestToken({ dataAppName: 'demo-app', clientId: 'acme' }),
  workspace: (client: DatabrainClient) =>
    client.createWorkspace({ name: 'Sales', connectionType: 'MULTI_DATASOURCE' }),
  datasource: (client: DatabrainClient) =>
    client.createDatasource({
      datasourceType: 'mysql',
      credentials: {
        name: 'shop',
        host: 'db.example.com',
        port: 3306,
        user: 'reader',
        password: 'mysql-pass',
      },
    }),
  apiTokens: (client: DatabrainClient) =>
    client.createApiToken({ dataAppName: 'demo-app', name: 'Production' }),
  dataApps: (client: DatabrainClient) => client.listDataApps(),
} as const;

const documented = Object.entries(calls).flatMap(([endpoint, call]) =>
  Object.entries(DOCUMENTED_ERRORS[endpoint as keyof typeof calls]).map(([code, status]) => ({
    endpoint,
    code,
    status,
    call,
  })),
);

describe('every documented error code', () => {
  it.each(documented)(
    '$endpoint: $code ($status) becomes a DatabrainApiError with that code and status',
    async ({ code, status, call }) => {
      const client = await clientAnswering(() => ({ status, body: errorBody(code) }));
      const error = await call(client).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DatabrainApiError);
      expect(error).toMatchObject({ code, status });
      expect((error as Error).message).toContain(code);
    },
  );
});

describe('answers outside the documented shapes', () => {
  it('keeps the status of an error code it does not know, as UNKNOWN_ERROR', async () => {
    const client = await clientAnswering(() => ({ status: 418, body: errorBody('TEAPOT_ERROR') }));
    await expect(client.listDataApps()).rejects.toMatchObject({ code: 'UNKNOWN_ERROR', status: 418 });
  });

  it('reports a non-JSON error page as UNKNOWN_ERROR with its status', async () => {
    const client = await clientAnswering(() => ({ status: 502, body: '<html>Bad gateway</html>' }));
    await expect(client.listDataApps()).rejects.toMatchObject({ code: 'UNKNOWN_ERROR', status: 502 });
  });

  it('treats a 200 carrying an error envelope as a failure', async () => {
    const client = await clientAnswering(() => ({ status: 200, body: errorBody('DATA_APP_NOT_FOUND') }));
    await expect(client.createApiToken({ dataAppName: 'x', name: 'y' })).rejects.toMatchObject({
      code: 'DATA_APP_NOT_FOUND',
      status: 200,
    });
  });

  it('reports a success body that is not JSON as UNEXPECTED_RESPONSE', async () => {
    const client = await clientAnswering(() => ({ status: 200, body: 'OK' }));
    await expect(client.listDataApps()).rejects.toMatchObject({ code: 'UNEXPECTED_RESPONSE', status: 200 });
  });

  it.each([
    ['guestToken', { token: 42 }],
    ['workspace', { data: null, error: null }],
    ['datasource', {}],
    ['apiTokens', { key: '' }],
    ['dataApps', { data: 'none' }],
  ] as const)(
    'reports a %s success body without the expected fields as UNEXPECTED_RESPONSE',
    async (endpoint, body) => {
      const client = await clientAnswering(() => ({ status: 200, body: JSON.stringify(body) }));
      await expect(calls[endpoint](client)).rejects.toMatchObject({ code: 'UNEXPECTED_RESPONSE' });
    },
  );

  it('removes a credential DataBrain echoes in its message', async () => {
    const client = await clientAnswering(() => ({
      status: 401,
      body: errorBody('AUTHENTICATION_ERROR', `Key ${API_KEY} is not valid`),
    }));
    const error = await calls.guestToken(client).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'AUTHENTICATION_ERROR' });
    expect((error as Error).message).toContain('[redacted]');
    expect((error as Error).message).not.toContain(API_KEY);
  });
});

describe('the size of what DataBrain answers', () => {
  const HUNDRED_MB = 100 * 1024 * 1024;
  let streaming: { close(): Promise<void> } | undefined;
  afterEach(async () => {
    await streaming?.close();
    streaming = undefined;
  });

  /**
   * A real server whose answer is a 100 MB JSON string, written chunk by chunk
   * only as fast as the client reads it; `written()` is how much it wrote.
   */
  async function startHugeAnswer(declareLength: boolean): Promise<{ url: string; written(): number }> {
    let written = 0;
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const huge = createServer((_request, response) => {
      response.writeHead(200, {
        'content-type': 'application/json',
        ...(declareLength ? { 'content-length': String(HUNDRED_MB) } : {}),
      });
      const pump = (): void => {
        while (written < HUNDRED_MB && !response.destroyed) {
          written += chunk.length;
          if (!response.write(chunk)) {
            response.once('drain', pump);
            return;
          }
        }
        response.end();
      };
      response.on('close', () => response.removeAllListeners('drain'));
      pump();
    });
    await new Promise<void>((resolve) => huge.listen(0, '127.0.0.1', resolve));
    streaming = {
      close: () =>
        new Promise<void>((resolve) => {
          huge.closeAllConnections();
          huge.close(() => resolve());
        }),
    };
    return { url: `http://127.0.0.1:${(huge.address() as AddressInfo).port}`, written: () => written };
  }

  it.each([
    ['streamed without a length', false],
    ['declared in Content-Length', true],
  ])(
    'stops reading a 100 MB answer %s at the 1 MiB default and fails with RESPONSE_TOO_LARGE',
    async (_, declare) => {
      const huge = await startHugeAnswer(declare);
      const client = createDatabrainClient({ apiKey: API_KEY, baseUrl: huge.url, maxRetries: 0 });
      const error = await calls.guestToken(client).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DatabrainApiError);
      expect(error).toMatchObject({ code: 'RESPONSE_TOO_LARGE', status: 200 });
      expect((error as Error).message).toContain('maxResponseBytes');
      // The socket buffers hold a few MB at most; the rest was never sent.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(huge.written()).toBeLessThan(HUNDRED_MB / 4);
    },
  );

  it('honours a smaller maxResponseBytes and accepts an answer within it', async () => {
    const token = { token: 'guest-token-0123456789' };
    const client = await clientAnswering(() => ({ status: 200, body: JSON.stringify(token) }), {
      maxResponseBytes: JSON.stringify(token).length,
    });
    await expect(calls.guestToken(client)).resolves.toMatchObject(token);
    const tight = createDatabrainClient({
      apiKey: API_KEY,
      baseUrl: server?.url ?? '',
      maxRetries: 0,
      maxResponseBytes: 10,
    });
    await expect(calls.guestToken(tight)).rejects.toMatchObject({ code: 'RESPONSE_TOO_LARGE' });
  });
});

describe('requests', () => {
  it('sends the service token as a bearer with a JSON body under the base URL path prefix', async () => {
    server = await startScriptedServer(() => ({ status: 200, body: JSON.stringify({ key: 'new-key' }) }));
    const prefixed = createDatabrainClient({
      serviceToken: SERVICE_TOKEN,
      baseUrl: `${server.url}/databrain/`,
    });
    await expect(prefixed.createApiToken({ dataAppName: 'demo-app', name: 'Production' })).resolves.toEqual({
      key: 'new-key',
    });
    const [request] = server?.received ?? [];
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/databrain/api/v2/data-app/api-tokens');
    expect(request?.headers.authorization).toBe(`Bearer ${SERVICE_TOKEN}`);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual({ dataAppName: 'demo-app', name: 'Production' });
  });

  it('sends the list query as URL parameters on a GET without a body', async () => {
    const client = await clientAnswering(() => ({ status: 200, body: JSON.stringify({ data: [] }) }));
    await client.listDataApps({ isPagination: true, pageNumber: 3 });
    const [request] = server?.received ?? [];
    expect(request?.method).toBe('GET');
    expect(request?.url).toBe('/api/v2/data-app?isPagination=true&pageNumber=3');
    expect(request?.body).toBe('');
  });
});
