import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from './startEmulator.ts';
import { postJson, serviceToken } from './testKit.test.helpers.ts';

let emulator: RunningEmulator;
beforeEach(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterEach(() => emulator.close());

const list = () =>
  fetch(`${emulator.url}/api/v2/data-app`, { headers: { authorization: `Bearer ${serviceToken}` } });

describe('fault injection', () => {
  it('answers an injected 500 the given number of times, then recovers', async () => {
    emulator.faults.add({ status: 500, times: 2 });
    expect((await list()).status).toBe(500);
    const second = await list();
    expect(second.status).toBe(500);
    expect(await second.json()).toEqual({
      error: { code: 'INTERNAL_SERVER_ERROR', message: expect.any(String) },
    });
    expect((await list()).status).toBe(200);
  });

  it('answers 503 only on the faulted path', async () => {
    emulator.faults.add({ path: '/api/v2/workspace', status: 503, times: 1 });
    expect((await list()).status).toBe(200);
    const answer = await postJson(
      `${emulator.url}/api/v2/workspace`,
      { name: 'x', connectionType: 'MULTI_DATAMART' },
      serviceToken,
    );
    expect(answer.status).toBe(503);
    expect(emulator.faults.pending()).toBe(0);
  });

  it('sends Retry-After with a 429', async () => {
    emulator.faults.add({ status: 429, times: 1, retryAfter: 7 });
    const response = await list();
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(await response.json()).toMatchObject({ error: { code: 'RATE_LIMIT_EXCEEDED' } });
  });

  it('sends a 429 without Retry-After when retryAfter is null', async () => {
    emulator.faults.add({ status: 429, times: 1, retryAfter: null });
    const response = await list();
    expect(response.status).toBe(429);
    expect(response.headers.has('retry-after')).toBe(false);
  });

  it('delays the answer by the injected latency', async () => {
    emulator.faults.add({ latencyMs: 300, times: 1 });
    const started = performance.now();
    expect((await list()).status).toBe(200);
    // Only a lower bound: a busy machine may be slower, never faster.
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(emulator.faults.pending()).toBe(0);
  });

  it('drops the connection without an answer, and logs it with status 0', async () => {
    emulator.faults.add({ drop: true, times: 1 });
    await expect(list()).rejects.toThrow();
    expect((await list()).status).toBe(200);
    expect(emulator.requests.map((entry) => entry.status)).toEqual([0, 200]);
  });

  it('removes every fault on clear()', async () => {
    emulator.faults.add({ status: 500, times: 5 });
    emulator.faults.clear();
    expect((await list()).status).toBe(200);
  });

  it('rejects a fault with a bad times, status or retryAfter', () => {
    expect(() => emulator.faults.add({ status: 500, times: 0 })).toThrow(/times/);
    expect(() => emulator.faults.add({ status: 404 as 500, times: 1 })).toThrow(/status/);
    expect(() => emulator.faults.add({ status: 429, times: 1, retryAfter: -1 })).toThrow(
      /`retryAfter` must be whole seconds ≥ 0 or null/,
    );
  });
});

describe('request log and HTTP basics', () => {
  it('logs method, path and status, and no header values', async () => {
    await list();
    expect(emulator.requests).toEqual([{ method: 'GET', path: '/api/v2/data-app', status: 200 }]);
    expect(JSON.stringify(emulator.requests)).not.toContain(serviceToken);
  });

  it('answers 404 for an unknown path and 405 with Allow for a wrong method', async () => {
    expect((await fetch(`${emulator.url}/api/v2/nope`)).status).toBe(404);
    const wrong = await fetch(`${emulator.url}/api/v2/guest-token/create`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
  });

  it('answers 400 INVALID_REQUEST_BODY for a body that is not JSON', async () => {
    const answer = await postJson(`${emulator.url}/api/v2/workspace`, '{not json', serviceToken);
    expect(answer).toMatchObject({ status: 400, body: { error: { code: 'INVALID_REQUEST_BODY' } } });
  });

  it('answers 413 for a body over 1 MB', async () => {
    const answer = await postJson(
      `${emulator.url}/api/v2/workspace`,
      { name: 'x'.repeat(1024 * 1024 + 10) },
      serviceToken,
    );
    expect(answer.status).toBe(413);
  });
});
