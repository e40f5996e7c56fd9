import { DatabrainValidationError } from '@databrain-embed/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulatorHandler, type EmulatorHandler } from './createEmulatorHandler.ts';
import { EMULATOR_API_KEY, EMULATOR_DATA_APP } from './emulatorSeed.ts';
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
