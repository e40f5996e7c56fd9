import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectEmulator, type EmulatorConnection } from './connectEmulator.ts';
import { CONTROL_PATHS } from './routes/controlRoutes.ts';
import { type RunningEmulator, startEmulator } from './startEmulator.ts';
import { apiKey, postJson, readAnswer } from './testKit.test.helpers.ts';

let emulator: RunningEmulator;
let remote: EmulatorConnection;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  remote = connectEmulator(`${emulator.url}/`);
});
afterAll(() => emulator.close());

async function mint(expiryTime?: number): Promise<string> {
  const answer = await postJson(
    `${emulator.url}/api/v2/guest-token/create`,
    { clientId: 'acme', dataAppName: 'demo-app', ...(expiryTime === undefined ? {} : { expiryTime }) },
    apiKey,
  );
  return (answer.body as { token: string }).token;
}

const preview = (token: string) =>
  fetch(`${emulator.url}/api/v2/dashboard?dashboardId=sales-overview`, {
    headers: { 'x-plugin-token': token },
  });

describe('connectEmulator', () => {
  it('reads the claims of a token the emulator issued, and undefined for any other', async () => {
    const token = await mint(60_000);
    const claims = await remote.getTokenClaims(token);
    expect(claims).toEqual(emulator.getTokenClaims(token));
    expect(claims?.clientId).toBe('acme');
    expect(await remote.getTokenClaims('not-a-token')).toBeUndefined();
  });

  it('moves the emulator clock so a token expires without waiting', async () => {
    const token = await mint(60_000);
    expect((await preview(token)).status).toBe(200);
    const before = await remote.clock.now();
    const after = await remote.clock.advance(61_000);
    expect(after - before).toBeGreaterThanOrEqual(61_000);
    expect(emulator.clock.now()).toBeGreaterThanOrEqual(after);
    const expired = await readAnswer(await preview(token));
    expect(expired).toMatchObject({ status: 401, body: { error: { code: 'EXPIRED_TOKEN' } } });

    const target = Date.parse('2030-01-01T00:00:00Z');
    expect(await remote.clock.set(target)).toBeGreaterThanOrEqual(target);
    expect(emulator.getTokenClaims(await mint())?.issuedAt).toBeGreaterThanOrEqual(target);
    const reset = await remote.clock.reset();
    expect(Math.abs(reset - Date.now())).toBeLessThan(5_000);
  });

  it('scripts faults and clears them', async () => {
    expect(await remote.faults.add({ path: '/api/v2/guest-token/create', status: 503, times: 1 })).toBe(1);
    const failed = await postJson(
      `${emulator.url}/api/v2/guest-token/create`,
      { clientId: 'acme', dataAppName: 'demo-app' },
      apiKey,
    );
    expect(failed.status).toBe(503);
    await remote.faults.add({ status: 500, times: 5 });
    // Control calls are never faulted.
    expect(await remote.clock.now()).toBeGreaterThan(0);
    await remote.faults.clear();
    expect(emulator.faults.pending()).toBe(0);
  });

  it('lists the requests without its own control calls', async () => {
    await mint();
    const requests = await remote.requests();
    expect(requests.at(-1)).toEqual({ method: 'POST', path: '/api/v2/guest-token/create', status: 200 });
    expect(requests.some((entry) => entry.path.startsWith('/__emulator'))).toBe(false);
  });

  it('rejects bad arguments before any request, naming the rule', async () => {
    const count = emulator.requests.length;
    expect(() => connectEmulator(undefined)).toThrow(/`url` must be the emulator's http\(s\) base URL/);
    expect(() => connectEmulator('127.0.0.1:4555')).toThrow(/DATABRAIN_EMULATOR_URL/);
    await expect(remote.clock.advance(-5)).rejects.toThrow('`ms` must be a finite number of ms ≥ 0');
    await expect(remote.clock.set(Number.NaN)).rejects.toThrow('`epochMs` must be a finite number');
    await expect(remote.getTokenClaims('')).rejects.toThrow('`token` must be a non-empty string');
    expect(emulator.requests.length).toBe(count);
  });

  it('passes on what the emulator refuses, with its rule', async () => {
    await expect(remote.faults.add({ status: 418 as 500, times: 1 })).rejects.toThrow(
      /answered 400: .*`status` must be 500, 503 or 429/,
    );
    const answer = await postJson(`${emulator.url}${CONTROL_PATHS.clock}`, { advanceMs: 'soon' }, null);
    expect(answer).toMatchObject({ status: 400, body: { error: { code: 'INVALID_REQUEST_BODY' } } });
    expect(JSON.stringify(answer.body)).toContain('`ms` must be a finite number of ms ≥ 0');
  });

  it('says when the emulator cannot be reached', async () => {
    await expect(connectEmulator('http://127.0.0.1:9').clock.now()).rejects.toThrow(
      'cannot reach the emulator at http://127.0.0.1:9',
    );
  });

  it('answers a readiness check', async () => {
    const health = await readAnswer(await fetch(`${emulator.url}${CONTROL_PATHS.health}`));
    expect(health).toMatchObject({ status: 200, body: { status: 'ok' } });
  });
});
