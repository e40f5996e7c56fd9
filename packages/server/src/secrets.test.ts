import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  EMULATOR_API_KEY,
  EMULATOR_DATA_APP,
  EMULATOR_SERVICE_TOKEN,
  type RunningEmulator,
  startEmulator,
} from '@databrain-embed/emulator';
import express from 'express';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDatabrainClient } from './createDatabrainClient.ts';
import { createGuestTokenHandler } from './createGuestTokenHandler.ts';
import { createMetricDataHandler } from './createMetricDataHandler.ts';
import { toNodeHandler } from './toNodeHandler.ts';

let emulator: RunningEmulator;
let server: Server | undefined;
const logged: string[] = [];

beforeEach(async () => {
  emulator = await startEmulator({ port: 0 });
  logged.length = 0;
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logged.push(
        args
          .map((arg) => (arg instanceof Error ? `${arg.message} ${String(arg.cause)}` : String(arg)))
          .join(' '),
      );
    });
  }
});
afterEach(async () => {
  vi.restoreAllMocks();
  if (server) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    server = undefined;
  }
  await emulator.close();
});

const SECRETS = [EMULATOR_API_KEY, EMULATOR_SERVICE_TOKEN];

function expectNoSecret(text: string): void {
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}

async function serveExpress(
  handler: (request: Request) => Promise<Response>,
  { parseJson = true } = {},
): Promise<string> {
  const app = express();
  // The metric-data handler reads its own body, so no parser may read it first.
  if (parseJson) app.use(express.json());
  app.all('/api/databrain-token', toNodeHandler(handler));
  server = createServer(app);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/databrain-token`;
}

function tokenHandler(onError: (error: unknown) => void = (error) => console.error(error)) {
  return createGuestTokenHandler({
    client: createDatabrainClient({
      apiKey: EMULATOR_API_KEY,
      serviceToken: EMULATOR_SERVICE_TOKEN,
      baseUrl: emulator.url,
      retryDelay: 5,
      maxRetries: 1,
      // Each request must reach DataBrain, so the faults below are met.
      tokenReuse: false,
    }),
    dataAppName: EMULATOR_DATA_APP,
    authorize: (request) =>
      request.headers.get('authorization') === 'Bearer user-1' ? { clientId: 'tenant-1' } : null,
    onError,
  });
}

async function dump(response: Response): Promise<string> {
  return `${response.status} ${JSON.stringify([...response.headers])} ${await response.text()}`;
}

describe('secrets', () => {
  it('never appear in any answer, header or log line of the Express token endpoint', async () => {
    const url = await serveExpress(tokenHandler());
    const answers: string[] = [];
    answers.push(
      await dump(await fetch(url, { method: 'POST', headers: { authorization: 'Bearer user-1' } })),
    );
    answers.push(await dump(await fetch(url, { method: 'POST' })));
    answers.push(await dump(await fetch(url, { method: 'GET' })));
    emulator.faults.add({ status: 500, times: 4 });
    answers.push(
      await dump(await fetch(url, { method: 'POST', headers: { authorization: 'Bearer user-1' } })),
    );
    emulator.faults.clear();
    emulator.faults.add({ drop: true, times: 4 });
    answers.push(
      await dump(await fetch(url, { method: 'POST', headers: { authorization: 'Bearer user-1' } })),
    );
    expect(answers.map((answer) => answer.slice(0, 3))).toEqual(['200', '401', '405', '502', '502']);
    for (const answer of answers) expectNoSecret(answer);
    // onError logged the failures; the log lines hold no secret either.
    expect(logged.length).toBeGreaterThan(0);
    for (const line of logged) expectNoSecret(line);
  });

  it('never appear in client errors, their JSON form, or their causes', async () => {
    const client = createDatabrainClient({
      apiKey: EMULATOR_API_KEY,
      serviceToken: EMULATOR_SERVICE_TOKEN,
      baseUrl: emulator.url,
      maxRetries: 0,
    });
    const failures: unknown[] = [];
    emulator.faults.add({ status: 500, times: 1 });
    failures.push(
      await client.createGuestToken({ dataAppName: EMULATOR_DATA_APP, clientId: 'a' }).catch((e) => e),
    );
    failures.push(await client.createGuestToken({ dataAppName: 'missing', clientId: 'a' }).catch((e) => e));
    emulator.faults.add({ drop: true, times: 1 });
    failures.push(await client.listDataApps().catch((e) => e));
    failures.push(await client.createApiToken({ dataAppName: 'missing', name: 'x' }).catch((e) => e));
    const wrongKeys = createDatabrainClient({ apiKey: 'wrong-api-key-0001', baseUrl: emulator.url });
    failures.push(
      await wrongKeys.createGuestToken({ dataAppName: EMULATOR_DATA_APP, clientId: 'a' }).catch((e) => e),
    );
    expect(failures.every((failure) => failure instanceof Error)).toBe(true);
    for (const failure of failures) {
      const error = failure as Error;
      expectNoSecret(error.message);
      expectNoSecret(JSON.stringify(error));
      expectNoSecret(String(error.cause));
      expect(error.message).not.toContain('wrong-api-key-0001');
    }
  });

  it('a key missing at request time gives a 500 holding nothing secret and an onError naming the variable', async () => {
    // The module was evaluated without the key (as `next build` does); the
    // service token, present, must stay out of the answer all the same.
    vi.stubEnv('DATABRAIN_API_KEY', undefined);
    vi.stubEnv('DATABRAIN_SERVICE_TOKEN', EMULATOR_SERVICE_TOKEN);
    try {
      const errors: unknown[] = [];
      const handler = createGuestTokenHandler({
        client: createDatabrainClient({ apiKey: process.env.DATABRAIN_API_KEY, baseUrl: emulator.url }),
        dataAppName: EMULATOR_DATA_APP,
        authorize: () => ({ clientId: 'tenant-1' }),
        onError: (error) => errors.push(error),
      });
      const url = await serveExpress(handler);
      const response = await fetch(url, { method: 'POST' });
      const answer = await dump(response);
      expect(response.status).toBe(500);
      expect(answer).toContain('INTERNAL_ERROR');
      expectNoSecret(answer);
      expect(answer).not.toContain('DATABRAIN_API_KEY');
      expect(errors).toHaveLength(1);
      expect(String((errors[0] as Error).message)).toMatch(
        /`apiKey` option .*DATABRAIN_API_KEY environment variable/,
      );
      expect(emulator.requests).toHaveLength(0);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('without onError, a key missing at request time is one server log line naming the variable', async () => {
    // The README's Next.js route as `next build` evaluates it: no key, no onError.
    vi.stubEnv('DATABRAIN_API_KEY', undefined);
    try {
      const handler = createGuestTokenHandler({
        client: createDatabrainClient({ apiKey: process.env.DATABRAIN_API_KEY, baseUrl: emulator.url }),
        dataAppName: EMULATOR_DATA_APP,
        authorize: () => ({ clientId: 'tenant-1' }),
      });
      const response = await handler(new Request('http://app.test/api/databrain/token', { method: 'POST' }));
      expect(response.status).toBe(500);
      expectNoSecret(await response.text());
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatch(/DATABRAIN_API_KEY/);
      expect(logged[0]?.split('\n')).toHaveLength(1);
      expectNoSecret(String(logged[0]));
      expect(emulator.requests).toHaveLength(0);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('the client never logs on its own', async () => {
    const client = createDatabrainClient({ apiKey: EMULATOR_API_KEY, baseUrl: emulator.url, retryDelay: 5 });
    emulator.faults.add({ status: 503, times: 1 });
    await client.createGuestToken({ dataAppName: EMULATOR_DATA_APP, clientId: 'a' });
    await client.createGuestToken({ dataAppName: 'missing', clientId: 'a' }).catch(() => undefined);
    expect(logged).toEqual([]);
  });

  it('a request body cannot change the tenant, filters or permissions of the token', async () => {
    const url = await serveExpress(tokenHandler());
    const response = await fetch(url, {
      method: 'POST',
      headers: { authorization: 'Bearer user-1', 'content-type': 'application/json' },
      body: JSON.stringify({
        clientId: 'tenant-2',
        params: { dashboardAppFilters: [{ dashboardId: 'sales-overview', values: { region: 'ALL' } }] },
        permissions: { isEnableManageMetrics: true },
      }),
    });
    const { token } = (await response.json()) as { token: string };
    expect(emulator.getTokenClaims(token)).toMatchObject({
      clientId: 'tenant-1',
      params: {},
      permissions: {},
    });
  });

  it('never appear in any answer, header or log line of the Express metric-data endpoint', async () => {
    const url = await serveExpress(
      createMetricDataHandler({
        client: createDatabrainClient({
          apiKey: EMULATOR_API_KEY,
          serviceToken: EMULATOR_SERVICE_TOKEN,
          baseUrl: emulator.url,
          retryDelay: 5,
          maxRetries: 1,
        }),
        embedId: 'sales-overview',
        reuse: false,
        authorize: (request) =>
          request.headers.get('authorization') === 'Bearer user-1' ? { clientId: 'tenant-1' } : null,
        onError: (error) => console.error(error),
      }),
      { parseJson: false },
    );
    const ask = (metricId: string, user = 'Bearer user-1') =>
      fetch(url, {
        method: 'POST',
        headers: { authorization: user, 'content-type': 'application/json' },
        body: JSON.stringify({ metricId, clientId: EMULATOR_API_KEY }),
      });
    const answers: string[] = [];
    answers.push(await dump(await ask('total-revenue')));
    answers.push(await dump(await ask('total-revenue', 'Bearer nobody')));
    answers.push(await dump(await ask('no-such-metric')));
    answers.push(await dump(await fetch(url, { method: 'GET' })));
    emulator.faults.add({ status: 500, times: 2 });
    answers.push(await dump(await ask('total-revenue')));
    emulator.faults.clear();
    emulator.faults.add({ drop: true, times: 2 });
    answers.push(await dump(await ask('total-revenue')));
    emulator.faults.clear();
    emulator.faults.add({ status: 429, times: 2, retryAfter: 0 });
    answers.push(await dump(await ask('total-revenue')));
    expect(answers.map((answer) => answer.slice(0, 3))).toEqual([
      '200',
      '401',
      '404',
      '405',
      '502',
      '502',
      '503',
    ]);
    for (const answer of answers) expectNoSecret(answer);
    expect(logged.length).toBeGreaterThan(0);
    for (const line of logged) expectNoSecret(line);
  });
});
