import { DatabrainValidationError } from '@databrain-embed/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulatorHandler, type EmulatorHandler } from './createEmulatorHandler.ts';
import { EMULATOR_API_KEY, EMULATOR_DATA_APP } from './emulatorSeed.ts';
import type { PreviewPayload } from './PreviewPayload.ts';
import { SAMPLE_COLUMNS, SAMPLE_ROWS } from './sampleData.ts';
import { readAnswer } from './testKit.test.helpers.ts';

const ORIGIN = 'http://emulator.local';
const handlers: EmulatorHandler[] = [];
afterEach(() => {
  for (const handler of handlers.splice(0)) handler.close();
});

function create(options: Parameters<typeof createEmulatorHandler>[0] = {}): EmulatorHandler {
  const handler = createEmulatorHandler(options);
  handlers.push(handler);
  return handler;
}

const mintRequest = (body: unknown, apiKey: string = EMULATOR_API_KEY) =>
  new Request(`${ORIGIN}/api/v2/guest-token/create`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

async function mint(handler: EmulatorHandler, body: unknown, apiKey?: string): Promise<string> {
  const answer = await readAnswer(await handler.fetch(mintRequest(body, apiKey)));
  expect(answer.status).toBe(200);
  return (answer.body as { token: string }).token;
}

describe('createEmulatorHandler: the emulator as Request → Response', () => {
  it('mints a guest token from a Fetch Request and remembers its claims', async () => {
    const handler = create({ now: () => 1_700_000_000_000 });
    const token = await mint(handler, {
      clientId: 'acme',
      dataAppName: EMULATOR_DATA_APP,
      expiryTime: 60_000,
    });
    expect(token).toMatch(/^[0-9a-f-]{36}$/);
    expect(handler.getTokenClaims(token)).toMatchObject({
      clientId: 'acme',
      dataAppName: EMULATOR_DATA_APP,
      issuedAt: 1_700_000_000_000,
      expiresAt: 1_700_000_060_000,
    });
    expect(handler.requests).toEqual([{ method: 'POST', path: '/api/v2/guest-token/create', status: 200 }]);
  });

  it('takes what the global fetch takes: a URL string and init', async () => {
    const handler = create();
    const response = await handler.fetch(`${ORIGIN}/api/v2/guest-token/create`, {
      method: 'POST',
      headers: { authorization: `Bearer ${EMULATOR_API_KEY}` },
      body: JSON.stringify({ clientId: 'acme', dataAppName: EMULATOR_DATA_APP }),
    });
    expect(response.status).toBe(200);
    // Bound: usable detached from its object, as a stand-in for fetch is.
    const { fetch } = handler;
    expect((await fetch(`${ORIGIN}/__emulator/health`)).status).toBe(200);
  });

  it('answers a bad body, a wrong method and an unknown path as the documented errors', async () => {
    const handler = create();
    const invalid = await readAnswer(
      await handler.fetch(mintRequest({ clientId: '', dataAppName: 'demo-app' })),
    );
    expect(invalid).toMatchObject({ status: 400, body: { error: { code: 'INVALID_REQUEST_BODY' } } });
    const wrongMethod = await handler.fetch(`${ORIGIN}/api/v2/guest-token/create`);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    expect((await handler.fetch(`${ORIGIN}/api/v2/nothing`)).status).toBe(404);
  });

  it('answers 413 for a body over maxBodyBytes, read as a stream without a length', async () => {
    const handler = create({ maxBodyBytes: 64 });
    const chunk = new TextEncoder().encode(`{"clientId":"${'a'.repeat(40)}",`);
    let pulls = 0;
    // An endless body: the handler must stop reading once it is past the limit.
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls += 1;
        controller.enqueue(chunk);
      },
    });
    const request = new Request(`${ORIGIN}/api/v2/guest-token/create`, {
      method: 'POST',
      headers: { authorization: `Bearer ${EMULATOR_API_KEY}` },
      body,
      duplex: 'half',
    } as RequestInit);
    const answer = await readAnswer(await handler.fetch(request));
    expect(answer).toMatchObject({ status: 413, body: { error: { code: 'INVALID_REQUEST_BODY' } } });
    expect(pulls).toBeLessThan(10);
  });

  it('serves the preview route with CORS, rows limited to the token tenant', async () => {
    const handler = create();
    const token = await mint(handler, { clientId: 'globex', dataAppName: EMULATOR_DATA_APP });
    const response = await handler.fetch(
      new Request(`${ORIGIN}/api/v2/dashboard?dashboardId=sales-overview`, {
        headers: { 'x-plugin-token': token },
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const { data } = (await response.json()) as { data: { rows: { tenant: string }[] } };
    expect(data.rows).toHaveLength(4);
    expect(new Set(data.rows.map((row) => row.tenant))).toEqual(new Set(['globex']));
    const preflight = await handler.fetch(`${ORIGIN}/api/v2/dashboard`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('X-Plugin-Token');
  });

  it('rejects with a TypeError on a drop fault and logs status 0, as a dropped connection', async () => {
    const handler = create();
    handler.faults.add({ path: '/api/v2/guest-token/create', drop: true, times: 1 });
    const body = { clientId: 'acme', dataAppName: EMULATOR_DATA_APP };
    await expect(handler.fetch(mintRequest(body))).rejects.toBeInstanceOf(TypeError);
    expect((await handler.fetch(mintRequest(body))).status).toBe(200);
    expect(handler.requests.map((entry) => entry.status)).toEqual([0, 200]);
  });

  it('answers an injected 429 with Retry-After, and moves tokens to expiry with its clock', async () => {
    const handler = create();
    handler.faults.add({ status: 429, times: 1, retryAfter: 3 });
    const limited = await handler.fetch(mintRequest({ clientId: 'acme', dataAppName: EMULATOR_DATA_APP }));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    const token = await mint(handler, {
      clientId: 'acme',
      dataAppName: EMULATOR_DATA_APP,
      expiryTime: 1_000,
    });
    handler.clock.advance(1_000);
    const expired = await handler.fetch(`${ORIGIN}/api/v2/dashboard/embeddedMetric?metricId=revenue`, {
      headers: { 'x-plugin-token': token },
    });
    expect(await readAnswer(expired)).toMatchObject({
      status: 401,
      body: { error: { code: 'EXPIRED_TOKEN' } },
    });
  });

  it('serves the control routes, unlogged and never faulted', async () => {
    const handler = create();
    handler.faults.add({ status: 500, times: 1 });
    const advanced = await handler.fetch(`${ORIGIN}/__emulator/clock`, {
      method: 'POST',
      body: JSON.stringify({ advanceMs: 5_000 }),
    });
    expect(advanced.status).toBe(200);
    expect(handler.faults.pending()).toBe(1);
    expect(handler.requests).toEqual([]);
  });

  it('ends a latency delay when the request is aborted, rejecting as fetch does and logging no answer', async () => {
    const handler = create();
    handler.faults.add({ latencyMs: 60_000, times: 1 });
    const abort = new AbortController();
    const waiting = handler.fetch(`${ORIGIN}/api/v2/data-app`, { signal: abort.signal });
    abort.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    expect(handler.requests).toEqual([{ method: 'GET', path: '/api/v2/data-app', status: 0 }]);
  });

  it('fails requests waiting on latency when closed, and every later one', async () => {
    const handler = create();
    handler.faults.add({ latencyMs: 60_000, times: 1 });
    const waiting = handler.fetch(`${ORIGIN}/api/v2/data-app`);
    handler.close();
    await expect(waiting).rejects.toBeInstanceOf(TypeError);
    await expect(handler.fetch(`${ORIGIN}/__emulator/health`)).rejects.toBeInstanceOf(TypeError);
  });

  it('checks its options by the config rules, naming the field', () => {
    expect(() => createEmulatorHandler({ maxBodyBytes: 0 })).toThrow(DatabrainValidationError);
    expect(() => createEmulatorHandler({ port: 1 } as never)).toThrow(/port/);
  });
});

describe("createEmulatorHandler: a team's own rows in the preview routes", () => {
  const orders = [
    { org: 'acme', status: 'shipped', total: 120.5, placedAt: '2024-03-02', gift: true },
    { org: 'acme', status: 'open', total: 40, placedAt: '2024-03-09', gift: false },
    { org: 'globex', status: 'shipped', total: 999, placedAt: '2024-04-01', gift: null },
  ];
  const shop = () =>
    create({
      includeDefaultSeed: false,
      seed: {
        tenantColumn: 'org',
        dataApps: [
          {
            name: 'shop',
            apiKeys: ['shop-key'],
            embeds: [
              { embedId: 'orders', type: 'dashboard', name: 'Orders', rows: orders },
              {
                embedId: 'revenue',
                type: 'metric',
                name: 'Revenue',
                rows: [{ org: 'acme', month: '2024-03', revenue: 5 }],
              },
              { embedId: 'legacy', type: 'dashboard', name: 'Legacy' },
            ],
          },
        ],
      },
    });

  async function previewOf(handler: EmulatorHandler, grant: Record<string, unknown>, path: string) {
    const token = await mint(handler, { dataAppName: 'shop', ...grant }, 'shop-key');
    const response = await handler.fetch(`${ORIGIN}${path}`, { headers: { 'x-plugin-token': token } });
    expect(response.status).toBe(200);
    return ((await response.json()) as { data: PreviewPayload }).data;
  }

  it("serves the embed's own columns, typed from its rows, and only the token tenant's rows", async () => {
    const data = await previewOf(shop(), { clientId: 'acme' }, '/api/v2/dashboard?dashboardId=orders');
    expect(data.columns).toEqual([
      { name: 'org', type: 'string' },
      { name: 'status', type: 'string' },
      { name: 'total', type: 'number' },
      { name: 'placedAt', type: 'date' },
      { name: 'gift', type: 'boolean' },
    ]);
    expect(data.rows).toEqual(orders.slice(0, 2));
    // The embed goes out without its rows: other tenants' rows never reach the browser.
    expect(data.embed).toEqual({ embedId: 'orders', type: 'dashboard', name: 'Orders' });
    expect(JSON.stringify(data)).not.toContain('globex');
  });

  it("applies the token's filters to the team's columns, and clientId None sees every tenant", async () => {
    const handler = shop();
    const filtered = await previewOf(
      handler,
      {
        clientId: 'acme',
        params: {
          dashboardAppFilters: [
            {
              dashboardId: 'orders',
              values: { status: 'shipped', placedAt: { startDate: '2024-03-01', endDate: '2024-03-31' } },
            },
          ],
        },
      },
      '/api/v2/dashboard?dashboardId=orders',
    );
    expect(filtered.rows).toEqual([orders[0]]);
    expect(filtered.filters.map((report) => [report.name, report.status])).toEqual([
      ['status', 'applied'],
      ['placedAt', 'applied'],
    ]);
    const everyone = await previewOf(handler, { clientId: 'None' }, '/api/v2/dashboard?dashboardId=orders');
    expect(everyone.rows).toHaveLength(3);
    const metric = await previewOf(
      handler,
      { clientId: 'acme' },
      '/api/v2/dashboard/embeddedMetric?metricId=revenue',
    );
    expect(metric.columns.map((column) => column.name)).toEqual(['org', 'month', 'revenue']);
  });

  it('keeps reporting a filter as applied when the tenant has no rows left', async () => {
    const data = await previewOf(
      shop(),
      {
        clientId: 'initech',
        params: { dashboardAppFilters: [{ dashboardId: 'orders', values: { status: 'open' } }] },
      },
      '/api/v2/dashboard?dashboardId=orders',
    );
    expect(data.rows).toEqual([]);
    expect(data.columns).toHaveLength(5);
    expect(data.filters[0]?.status).toBe('applied');
  });

  it('serves the sample table, by its tenant column, for an embed without rows', async () => {
    const data = await previewOf(shop(), { clientId: 'globex' }, '/api/v2/dashboard?dashboardId=legacy');
    expect(data.columns.map((column) => column.name)).toEqual([...SAMPLE_COLUMNS]);
    expect(data.rows).toEqual(SAMPLE_ROWS.filter((row) => row.tenant === 'globex'));
  });

  it('refuses rows the seed rules reject before anything is served', () => {
    expect(() =>
      createEmulatorHandler({
        seed: {
          dataApps: [
            {
              name: 'shop',
              apiKeys: [],
              embeds: [{ embedId: 'o', type: 'dashboard', name: 'O', rows: [{ amount: 1 }] }],
            },
          ],
        },
      }),
    ).toThrow('seed.dataApps[0].embeds[0].rows[0].tenant: must name the row');
  });
});
