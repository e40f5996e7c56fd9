import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DATABRAIN_ENDPOINTS, DatabrainValidationError, type MetricData } from '@databrain-embed/core';
import { EMULATOR_API_KEY, type RunningEmulator, startEmulator } from '@databrain-embed/emulator';
import express from 'express';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDatabrainClient } from './createDatabrainClient.ts';
import { createMetricDataHandler } from './createMetricDataHandler.ts';
import type { GuestTokenStore } from './GuestTokenStore.ts';
import type { MetricDataGrant, MetricDataHandlerOptions } from './MetricDataHandlerOptions.ts';
import { toNodeHandler } from './toNodeHandler.ts';

let emulator: RunningEmulator;
/** Every body the client sent DataBrain (the emulator), parsed. */
const sent: Record<string, unknown>[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => {
  sent.length = 0;
});
afterEach(() => {
  emulator.faults.clear();
  vi.restoreAllMocks();
});

const client = () =>
  createDatabrainClient({
    apiKey: EMULATOR_API_KEY,
    baseUrl: emulator.url,
    retryDelay: 1,
    maxRetries: 1,
    fetch: async (input, init) => {
      if (typeof init?.body === 'string') sent.push(JSON.parse(init.body) as Record<string, unknown>);
      return fetch(input, init);
    },
  });

/** The signed-in users, as a session would know them: a header names the user. */
const GRANTS: Readonly<Record<string, MetricDataGrant>> = {
  'ada@acme': { clientId: 'acme', userId: 'ada@acme' },
  'bob@acme': { clientId: 'acme', userId: 'bob@acme' },
  'gina@globex-na': { clientId: 'globex', userId: 'gina@globex-na', metricFilter: { region: 'NA' } },
};

function handlerWith(options: Partial<MetricDataHandlerOptions> = {}) {
  return createMetricDataHandler({
    client: client(),
    embedId: 'sales-overview',
    filters: { product: 'metricFilter', region: 'metricFilter', date: 'dashboardFilter' },
    authorize: (request) => GRANTS[request.headers.get('x-user') ?? ''] ?? null,
    onError: () => {},
    ...options,
  });
}

const ask = (body: unknown, user = 'ada@acme', init: RequestInit = {}) =>
  new Request('http://app.example/api/databrain/data', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-user': user },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...init,
  });

async function answerOf(response: Response): Promise<{ status: number; body: Record<string, unknown> }> {
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const rowsOf = (body: Record<string, unknown>) => (body as unknown as MetricData).rows;

describe('createMetricDataHandler', () => {
  it("answers one metric's rows for the signed-in user's tenant", async () => {
    const response = await handlerWith()(ask({ metricId: 'total-revenue' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as MetricData<{ tenant: string }>;
    expect(body).toMatchObject({
      metricId: 'total-revenue',
      embedId: 'sales-overview',
      totalRecords: 4,
      comparisonValue: null,
      groupBy: [],
    });
    expect(body.rows.map((row) => row.tenant)).toEqual(['acme', 'acme', 'acme', 'acme']);
    expect(body.columns).toContainEqual({ name: 'amount', dataType: 'number' });
    expect(sent).toEqual([{ embedId: 'sales-overview', metricId: 'total-revenue', clientId: 'acme' }]);
  });

  it("never sends DataBrain a browser's clientId or security filter", async () => {
    const response = await handlerWith()(
      ask(
        {
          metricId: 'total-revenue',
          clientId: 'initech',
          metricFilter: { tenant: 'initech' },
          dashboardFilter: { tenant: 'initech' },
          filters: { region: 'EMEA', tenant: 'initech', product: 'Reports' },
        },
        'gina@globex-na',
      ),
    );
    const { body } = await answerOf(response);
    // What the emulator received: the session's tenant, and its region filter over the browser's.
    expect(sent).toEqual([
      {
        embedId: 'sales-overview',
        metricId: 'total-revenue',
        clientId: 'globex',
        metricFilter: { region: 'NA', product: 'Reports' },
      },
    ]);
    expect(rowsOf(body)).toEqual([
      expect.objectContaining({ tenant: 'globex', region: 'NA', product: 'Reports' }),
    ]);
  });

  it('puts each allowed filter where the handler says, and hands authorize only what it kept', async () => {
    const authorize = vi.fn((_request: Request, _query: unknown) => GRANTS['ada@acme'] ?? null);
    await handlerWith({ authorize })(
      ask({
        metricId: 'revenue-by-region',
        filters: { date: { start: '2024-03-01', end: '2024-12-31' }, country: 'USA' },
      }),
    );
    expect(authorize.mock.calls[0]?.[1]).toEqual({
      metricId: 'revenue-by-region',
      embedId: 'sales-overview',
      filters: { date: { start: '2024-03-01', end: '2024-12-31' } },
    });
    expect(sent[0]).toEqual({
      embedId: 'sales-overview',
      metricId: 'revenue-by-region',
      clientId: 'acme',
      dashboardFilter: { date: { start: '2024-03-01', end: '2024-12-31' } },
    });
  });

  it("drops the browser's choice on a name the grant filters in the other place too", async () => {
    const handler = handlerWith({
      authorize: () => ({ clientId: 'acme', dashboardFilter: { region: 'EMEA' } }),
    });
    await handler(ask({ metricId: 'total-revenue', filters: { region: 'NA', product: 'Reports' } }));
    expect(sent).toEqual([
      {
        embedId: 'sales-overview',
        metricId: 'total-revenue',
        clientId: 'acme',
        metricFilter: { product: 'Reports' },
        dashboardFilter: { region: 'EMEA' },
      },
    ]);
  });

  it('lets the browser name another embed', async () => {
    const { body } = await answerOf(await handlerWith()(ask({ metricId: 'revenue', embedId: 'revenue' })));
    expect(body).toMatchObject({ metricId: 'revenue', embedId: 'revenue' });
  });

  it('asks DataBrain once for 100 identical concurrent queries of one user', async () => {
    const handler = handlerWith({ budget: false });
    const before = emulator.requests.filter((entry) => entry.path === DATABRAIN_ENDPOINTS.metricQuery).length;
    const responses = await Promise.all(
      Array.from({ length: 100 }, () =>
        handler(ask({ metricId: 'total-revenue', filters: { region: 'EMEA' } })),
      ),
    );
    const bodies = await Promise.all(responses.map((response) => response.json()));
    expect(responses.map((response) => response.status)).toEqual(Array(100).fill(200));
    expect(new Set(bodies.map((body) => JSON.stringify(body))).size).toBe(1);
    expect(sent).toHaveLength(1);
    await vi.waitFor(() =>
      expect(emulator.requests.filter((entry) => entry.path === DATABRAIN_ENDPOINTS.metricQuery).length).toBe(
        before + 1,
      ),
    );
  });

  it('reuses an answer for its lifetime only, and never across tenants or filters', async () => {
    const handler = handlerWith({ reuse: { ttlMs: 150 } });
    await handler(ask({ metricId: 'total-revenue' }));
    await handler(ask({ metricId: 'total-revenue' }, 'bob@acme'));
    expect(sent).toHaveLength(1);
    await handler(ask({ metricId: 'total-revenue', filters: { region: 'EMEA' } }));
    await handler(ask({ metricId: 'total-revenue' }, 'gina@globex-na'));
    expect(sent).toHaveLength(3);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await handler(ask({ metricId: 'total-revenue' }));
    expect(sent).toHaveLength(4);
  });

  it('asks DataBrain every time with reuse off', async () => {
    const handler = handlerWith({ reuse: false });
    await Promise.all([
      handler(ask({ metricId: 'total-revenue' })),
      handler(ask({ metricId: 'total-revenue' })),
    ]);
    expect(sent).toHaveLength(2);
  });

  it('answers 429 with Retry-After once a user spent the budget, before DataBrain is asked', async () => {
    const handler = handlerWith({ reuse: false, budget: { requests: 2, perMs: 60_000 } });
    for (const _ of [1, 2]) expect((await handler(ask({ metricId: 'total-revenue' }))).status).toBe(200);
    const refused = await handler(ask({ metricId: 'total-revenue' }));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBe(30);
    expect(await refused.json()).toEqual({
      error: { code: 'RATE_LIMITED', message: 'Too many analytics requests. Try again shortly.' },
    });
    expect(sent).toHaveLength(2);
    // Another user of the same tenant has a budget of their own.
    expect((await handler(ask({ metricId: 'total-revenue' }, 'bob@acme'))).status).toBe(200);
  });

  it('answers 401 when nobody is signed in, without asking DataBrain', async () => {
    const { status, body } = await answerOf(
      await handlerWith()(ask({ metricId: 'total-revenue' }, 'nobody')),
    );
    expect({ status, body }).toEqual({
      status: 401,
      body: { error: { code: 'UNAUTHORIZED', message: 'Sign in to view analytics.' } },
    });
    expect(sent).toEqual([]);
  });

  it.each([
    ['a body that is not JSON', '{metricId:', 'The request body is not JSON.'],
    ['no body', '', 'Send a JSON body'],
    ['a body without metricId', { embedId: 'revenue' }, 'Invalid request: metricId: is required'],
    ['a list', [], 'Invalid request: (body): must be a JSON object'],
    [
      'a filter value that is not JSON',
      '{"metricId":"m","filters":{"region":1e999}}',
      'filters.region: must be a finite number',
    ],
  ])('answers 400 naming the problem for %s', async (_label, body, message) => {
    const { status, body: answer } = await answerOf(await handlerWith()(ask(body)));
    expect(status).toBe(400);
    expect(answer).toEqual({ error: { code: 'BAD_REQUEST', message: expect.stringContaining(message) } });
    expect(sent).toEqual([]);
  });

  it('answers 400 when no embed is named and the handler has no default', async () => {
    const { status, body } = await answerOf(
      await handlerWith({ embedId: undefined })(ask({ metricId: 'total-revenue' })),
    );
    expect({ status, body }).toEqual({
      status: 400,
      body: {
        error: { code: 'BAD_REQUEST', message: 'embedId: is required (this endpoint has no default)' },
      },
    });
  });

  it('answers 413 for a body over maxBodyBytes', async () => {
    const response = await handlerWith({ maxBodyBytes: 64 })(
      ask({ metricId: 'total-revenue', filters: { region: 'x'.repeat(100) } }),
    );
    expect(response.status).toBe(413);
  });

  it('answers 400 when the body stream fails mid-read, without throwing', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"metricId":'));
        controller.error(new Error('the browser hung up'));
      },
    });
    const request = new Request('http://app.example/data', {
      method: 'POST',
      headers: { 'x-user': 'ada@acme' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect((await handlerWith()(request)).status).toBe(400);
    expect(sent).toEqual([]);
  });

  it('answers 405 with Allow for anything but POST', async () => {
    const response = await handlerWith()(new Request('http://app.example/data', { method: 'GET' }));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('answers 404 for a metric the embed does not have, without an error log', async () => {
    const onError = vi.fn();
    const response = await handlerWith({ onError })(ask({ metricId: 'revenue' }));
    expect(await answerOf(response)).toEqual({
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: 'No such metric in this embed.' } },
    });
    expect(onError).not.toHaveBeenCalled();
  });

  it("answers 503 with DataBrain's Retry-After while DataBrain rate-limits, 502 when it fails", async () => {
    const onError = vi.fn();
    const handler = handlerWith({ onError, reuse: false });
    emulator.faults.add({ path: DATABRAIN_ENDPOINTS.metricQuery, status: 429, times: 2, retryAfter: 0 });
    const busy = await handler(ask({ metricId: 'total-revenue' }));
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('0');
    emulator.faults.add({ path: DATABRAIN_ENDPOINTS.metricQuery, status: 500, times: 2 });
    const failed = await answerOf(await handler(ask({ metricId: 'total-revenue' })));
    expect(failed).toEqual({
      status: 502,
      body: {
        error: { code: 'UPSTREAM_ERROR', message: 'The analytics service is unavailable. Try again later.' },
      },
    });
    expect(onError).toHaveBeenCalledTimes(2);
    // A failure is never reused: the next query asks again.
    expect((await handler(ask({ metricId: 'total-revenue' }))).status).toBe(200);
  });

  it('answers 500 when authorize throws or returns no clientId, and tells onError', async () => {
    const onError = vi.fn();
    const throwing = handlerWith({
      onError,
      authorize: () => {
        throw new Error('session store down');
      },
    });
    expect((await throwing(ask({ metricId: 'total-revenue' }))).status).toBe(500);
    const empty = handlerWith({ onError, authorize: () => ({ clientId: ' ' }) });
    expect((await empty(ask({ metricId: 'total-revenue' }))).status).toBe(500);
    expect(onError.mock.calls.map(([error]) => String(error))).toEqual([
      'Error: session store down',
      'TypeError: [databrain-embed] authorize must return { clientId, … } or null',
    ]);
    expect(sent).toEqual([]);
  });

  it('still answers when the store fails, and reports the store failure', async () => {
    const failures: unknown[] = [];
    const broken: GuestTokenStore = {
      get: () => {
        throw new Error('store offline');
      },
      set: () => Promise.reject(new Error('store offline')),
    };
    const handler = handlerWith({ reuse: { store: broken, onError: (error) => failures.push(error) } });
    expect((await handler(ask({ metricId: 'total-revenue' }))).status).toBe(200);
    expect(failures.map((error) => String(error))).toEqual([
      'GuestTokenStoreError: [databrain-embed] token store get: the store failed',
    ]);
  });

  it('ends quietly when the browser hangs up', async () => {
    const onError = vi.fn();
    emulator.faults.add({ path: DATABRAIN_ENDPOINTS.metricQuery, latencyMs: 300, times: 1 });
    const hangUp = new AbortController();
    const pending = handlerWith({ onError })(
      ask({ metricId: 'total-revenue' }, 'ada@acme', { signal: hangUp.signal }),
    );
    setTimeout(() => hangUp.abort(), 50);
    expect((await pending).status).toBe(502);
    expect(onError).not.toHaveBeenCalled();
  });

  it('names every malformed option at creation', () => {
    let error: unknown;
    try {
      createMetricDataHandler({
        client: {},
        authorize: 'yes',
        embedId: '',
        filters: { region: 'appFilters' },
        reuse: { ttlMs: 0, store: { get: () => undefined } },
        budget: { requests: -1, burst: 3 },
      } as unknown as MetricDataHandlerOptions);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DatabrainValidationError);
    expect((error as DatabrainValidationError).issues.map((issue) => issue.path)).toEqual([
      'client',
      'authorize',
      'embedId',
      'filters.region',
      'reuse.ttlMs',
      'reuse.store',
      'budget.requests',
      'budget.burst',
    ]);
  });
});

describe('createMetricDataHandler through toNodeHandler', () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  });

  async function serve(app: express.Express): Promise<string> {
    server = createServer(app);
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('serves Express over real HTTP', async () => {
    const app = express();
    app.post('/api/databrain/data', toNodeHandler(handlerWith()));
    const url = await serve(app);
    const response = await fetch(`${url}/api/databrain/data`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-user': 'gina@globex-na' },
      body: JSON.stringify({ metricId: 'total-revenue' }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as MetricData<{ tenant: string; region: string }>;
    expect(body.rows.map((row) => `${row.tenant}/${row.region}`)).toEqual(['globex/NA', 'globex/NA']);
  });

  it('says what happened when a body parser read the body first', async () => {
    const app = express();
    app.use(express.json());
    app.post('/api/databrain/data', toNodeHandler(handlerWith()));
    const url = await serve(app);
    const response = await fetch(`${url}/api/databrain/data`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-user': 'ada@acme' },
      body: JSON.stringify({ metricId: 'total-revenue' }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: 'BAD_REQUEST',
        message: expect.stringContaining('read by a parser before this handler'),
      },
    });
  });
});
