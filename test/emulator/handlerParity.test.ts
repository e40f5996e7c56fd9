import {
  createEmulatorHandler,
  EMULATOR_API_KEY,
  EMULATOR_DATA_APP,
  EMULATOR_SERVICE_TOKEN,
  type EmulatorHandler,
  type EmulatorSeedInput,
  type RunningEmulator,
  startEmulator,
} from '@databrain-embed/emulator';
import { createDatabrainClient } from '@databrain-embed/server';
import { afterEach, describe, expect, it } from 'vitest';

// The same emulator twice: served over node:http by startEmulator, and called
// in-process through createEmulatorHandler's fetch, as a browser page calls it.
const NOW = 1_700_000_000_000;
const SEED: EmulatorSeedInput = {
  tenantColumn: 'org',
  dataApps: [
    {
      name: EMULATOR_DATA_APP,
      apiKeys: [],
      embeds: [
        {
          embedId: 'orders',
          type: 'dashboard',
          name: 'Orders',
          rows: [
            { org: 'acme', status: 'shipped', total: 12.5, placedAt: '2024-03-02' },
            { org: 'globex', status: 'open', total: 99, placedAt: '2024-03-04' },
          ],
        },
      ],
    },
  ],
};

interface Exchange {
  readonly status: number;
  readonly headers: Record<string, string | null>;
  readonly body: unknown;
}

type Send = (path: string, init?: RequestInit) => Promise<Response>;

const HEADERS = ['content-type', 'access-control-allow-origin', 'retry-after', 'allow'];

/** Answers minus what differs by nature: the token (a random UUID). */
async function exchange(send: Send, path: string, init?: RequestInit): Promise<Exchange> {
  const response = await send(path, init);
  const text = await response.text();
  const body = text === '' ? undefined : (JSON.parse(text) as unknown);
  const headers = Object.fromEntries(HEADERS.map((name) => [name, response.headers.get(name)]));
  return { status: response.status, headers, body };
}

const json = (credential: string, body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { authorization: `Bearer ${credential}`, 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

/** One script of requests: mints, previews, errors, a fault, the control routes. */
async function script(send: Send, faults: { add: EmulatorHandler['faults']['add'] }): Promise<Exchange[]> {
  const answers: Exchange[] = [];
  const mint = await send(
    '/api/v2/guest-token/create',
    json(EMULATOR_API_KEY, { clientId: 'acme', dataAppName: EMULATOR_DATA_APP, expiryTime: 60_000 }),
  );
  const { token } = (await mint.json()) as { token: string };
  const preview = { headers: { 'x-plugin-token': token } };
  answers.push(
    await exchange(send, '/api/v2/dashboard?dashboardId=orders', preview),
    await exchange(send, '/api/v2/dashboard?dashboardId=sales-overview', preview),
    await exchange(send, '/api/v2/dashboard/embeddedMetric?metricId=revenue', preview),
    await exchange(send, '/api/v2/dashboard/embeddedMetric?metricId=orders', preview),
    await exchange(send, '/api/v2/dashboard?dashboardId=orders', { method: 'OPTIONS' }),
    await exchange(
      send,
      '/api/v2/guest-token/create',
      json(EMULATOR_SERVICE_TOKEN, { clientId: 'acme', dataAppName: EMULATOR_DATA_APP }),
    ),
    await exchange(send, '/api/v2/guest-token/create', json(EMULATOR_API_KEY, '{not json')),
    await exchange(
      send,
      '/api/v2/guest-token/create',
      json(EMULATOR_API_KEY, { clientId: 'x'.repeat(2_000), dataAppName: 'demo-app' }),
    ),
    await exchange(send, '/api/v2/guest-token/create'),
    await exchange(
      send,
      '/api/v2/workspace',
      json(EMULATOR_SERVICE_TOKEN, { name: 'ws', connectionType: 'DATASOURCE', datasourceName: 'warehouse' }),
    ),
    await exchange(send, '/api/v2/data-app', {
      headers: { authorization: `Bearer ${EMULATOR_SERVICE_TOKEN}` },
    }),
    await exchange(send, '/api/v2/nowhere'),
  );
  faults.add({ path: '/api/v2/data-app', status: 429, times: 1, retryAfter: 4 });
  answers.push(
    await exchange(send, '/api/v2/data-app', {
      headers: { authorization: `Bearer ${EMULATOR_SERVICE_TOKEN}` },
    }),
    await exchange(send, '/__emulator/clock', {
      method: 'POST',
      body: JSON.stringify({ advanceMs: 60_000 }),
    }),
    await exchange(send, '/api/v2/dashboard?dashboardId=orders', preview),
    await exchange(send, '/__emulator/requests'),
  );
  return answers;
}

const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function both(): Promise<{ node: RunningEmulator; inProcess: EmulatorHandler }> {
  const options = { seed: SEED, now: () => NOW, maxBodyBytes: 1_024 };
  const node = await startEmulator(options);
  const inProcess = createEmulatorHandler(options);
  closers.push(
    () => node.close(),
    () => inProcess.close(),
  );
  return { node, inProcess };
}

describe('the emulator over node:http and in-process', () => {
  it('gives the same status, headers and body to the same requests', async () => {
    const { node, inProcess } = await both();
    const overHttp = await script((path, init) => fetch(`${node.url}${path}`, init), node.faults);
    const direct = await script(
      (path, init) => inProcess.fetch(`http://emulator.local${path}`, init),
      inProcess.faults,
    );
    expect(direct).toEqual(overHttp);
    // The script covers what it means to: tenant rows, the 413, a fault, an expired token.
    expect(overHttp.map((answer) => answer.status)).toEqual([
      200, 200, 200, 404, 204, 401, 400, 413, 405, 200, 200, 404, 429, 200, 401, 200,
    ]);
    expect((overHttp[0]?.body as { data: { rows: unknown[] } } | undefined)?.data.rows).toEqual([
      { org: 'acme', status: 'shipped', total: 12.5, placedAt: '2024-03-02' },
    ]);
    expect(inProcess.requests).toEqual(node.requests);
  });

  it('drops the connection on a drop fault: a reset socket over HTTP, a rejected fetch in-process', async () => {
    const { node, inProcess } = await both();
    node.faults.add({ drop: true, times: 1 });
    inProcess.faults.add({ drop: true, times: 1 });
    await expect(fetch(`${node.url}/api/v2/data-app`)).rejects.toBeInstanceOf(TypeError);
    await expect(inProcess.fetch('http://emulator.local/api/v2/data-app')).rejects.toBeInstanceOf(TypeError);
    expect(node.requests).toEqual([{ method: 'GET', path: '/api/v2/data-app', status: 0 }]);
    expect(inProcess.requests).toEqual(node.requests);
  });

  it("is the server client's fetch in-process: a guest token minted with no network", async () => {
    const emulator = createEmulatorHandler();
    closers.push(() => emulator.close());
    const databrain = createDatabrainClient({
      fetch: emulator.fetch,
      baseUrl: 'http://emulator.local',
      apiKey: EMULATOR_API_KEY,
    });
    const { token } = await databrain.createGuestToken({ dataAppName: EMULATOR_DATA_APP, clientId: 'acme' });
    expect(emulator.getTokenClaims(token)?.clientId).toBe('acme');
    expect(emulator.requests).toEqual([{ method: 'POST', path: '/api/v2/guest-token/create', status: 200 }]);
  });

  it('is what a running emulator serves: its handler answers in-process with the same state', async () => {
    const { node } = await both();
    const minted = await fetch(
      `${node.url}/api/v2/guest-token/create`,
      json(EMULATOR_API_KEY, { clientId: 'acme', dataAppName: EMULATOR_DATA_APP }),
    );
    const { token } = (await minted.json()) as { token: string };
    expect(node.handler.getTokenClaims(token)?.clientId).toBe('acme');
    const answer = await node.handler.fetch('http://emulator.local/api/v2/dashboard?dashboardId=orders', {
      headers: { 'x-plugin-token': token },
    });
    expect(answer.status).toBe(200);
  });
});
