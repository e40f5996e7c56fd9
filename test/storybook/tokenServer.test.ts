import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type RunningEmulator, startEmulator } from '@databrain-embed/emulator';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PERSONAS } from '../../.storybook/personas.ts';
import { type StoryBackend, startStoryBackend } from '../../.storybook/tokenServer.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * Serves the backend's middleware on 127.0.0.1; paths it does not own answer
 * 404. Whatever the middleware hands to `next` as an error (what Vite would
 * show in its overlay) is collected in `passedOn`.
 */
async function serve(
  env: NodeJS.ProcessEnv,
): Promise<{ url: string; backend: StoryBackend; passedOn: unknown[] }> {
  const backend = await startStoryBackend(env);
  const passedOn: unknown[] = [];
  const server: Server = createServer((request, response) =>
    backend.middleware(request, response, (error) => {
      if (error !== undefined) passedOn.push(error);
      response.writeHead(404).end('not here');
    }),
  );
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  cleanups.push(async () => {
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
    await backend.close();
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, backend, passedOn };
}

/**
 * Starts a token request as a browser tab would and hangs up, as closing the
 * tab does: after the headers and `sentBytes` of a body announced as longer
 * (mid-upload), or after the whole body (while the answer is awaited).
 */
async function hangUpDuring(url: string, announcedBytes: number, sentBytes: number): Promise<void> {
  const request = httpRequest(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': String(announcedBytes) },
  });
  const closed = new Promise<void>((done) => request.on('close', done));
  request.on('error', () => {});
  request.write('{'.padEnd(sentBytes, ' '));
  if (sentBytes === announcedBytes) request.end();
  // Let the server take the request in before the tab goes away.
  await new Promise((done) => setTimeout(done, 200));
  request.destroy();
  await closed;
}

/** Everything written to the console as an error or warning while `run` runs. */
async function consoleComplaintsDuring(run: () => Promise<void>): Promise<unknown[][]> {
  const error = vi.spyOn(console, 'error');
  const warn = vi.spyOn(console, 'warn');
  try {
    await run();
    return [...error.mock.calls, ...warn.mock.calls];
  } finally {
    error.mockRestore();
    warn.mockRestore();
  }
}

const post = (url: string) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });

describe('the story backend in emulator mode', () => {
  it('mints a token whose claims come from the persona table, not from the browser', async () => {
    const { url } = await serve({});
    expect(await (await fetch(`${url}/api/databrain/mode`)).json()).toEqual({ mode: 'emulator' });

    const response = await fetch(`${url}/api/databrain/token?user=globex-na-manager&clientId=acme`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: 'acme', permissions: { isEnableManageMetrics: true } }),
    });
    expect(response.status).toBe(200);
    const { token, expiresIn } = (await response.json()) as { token: string; expiresIn: number };
    expect(expiresIn).toBe(3_600_000);

    const preview = await fetch(`${url}/databrain-emulator/api/v2/dashboard?dashboardId=sales-overview`, {
      headers: { 'x-plugin-token': token },
    });
    expect(preview.status).toBe(200);
    const { data } = (await preview.json()) as {
      data: {
        claims: { clientId: string; permissions: Record<string, boolean> };
        rows: { tenant: string; region: string }[];
      };
    };
    expect(data.claims.clientId).toBe('globex');
    expect(data.claims.permissions).toEqual(PERSONAS['globex-na-manager'].permissions);
    expect(new Set(data.rows.map((row) => `${row.tenant}/${row.region}`))).toEqual(new Set(['globex/NA']));
  });

  it('answers 401 for a user it does not know', async () => {
    const { url } = await serve({});
    const response = await post(`${url}/api/databrain/token?user=root`);
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain('token"');
  });

  it('keeps the outage persona down per session until the story brings the endpoint back', async () => {
    const { url } = await serve({});
    const endpoint = `${url}/api/databrain/token?user=acme-outage&session=s1`;
    expect((await post(endpoint)).status).toBe(503);
    expect((await post(endpoint)).status).toBe(503);
    expect((await post(`${url}/api/databrain/outage?session=s1&down=false`)).status).toBe(200);
    expect((await post(endpoint)).status).toBe(200);
    expect((await post(`${url}/api/databrain/token?user=acme-outage&session=s2`)).status).toBe(503);
  });

  it("answers a persona's metric rows, its token's filters applied over the browser's", async () => {
    const { url } = await serve({});
    const response = await fetch(`${url}/api/databrain/data?user=globex-na-manager`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        metricId: 'total-revenue',
        clientId: 'acme',
        filters: { region: 'EMEA', product: 'Reports' },
      }),
    });
    expect(response.status).toBe(200);
    const { rows } = (await response.json()) as {
      rows: { tenant: string; region: string; product: string }[];
    };
    expect(rows.map((row) => `${row.tenant}/${row.region}/${row.product}`)).toEqual(['globex/NA/Reports']);
    const stranger = await fetch(`${url}/api/databrain/data?user=root`, {
      method: 'POST',
      body: JSON.stringify({ metricId: 'total-revenue' }),
    });
    expect(stranger.status).toBe(401);
  });

  it("keeps the outage persona's data endpoint down with its token endpoint, per session", async () => {
    const { url } = await serve({});
    const ask = (session: string) =>
      fetch(`${url}/api/databrain/data?user=acme-outage&session=${session}`, {
        method: 'POST',
        body: JSON.stringify({ metricId: 'total-revenue' }),
      });
    expect((await ask('d1')).status).toBe(503);
    expect((await post(`${url}/api/databrain/outage?session=d1&down=false`)).status).toBe(200);
    expect((await ask('d1')).status).toBe(200);
    expect((await ask('d2')).status).toBe(503);
  });

  it('stays quiet when a tab closes while the slow persona waits for its token, and keeps serving', async () => {
    const { url, passedOn } = await serve({});
    const slow = `${url}/api/databrain/token?user=acme-slow`;
    const complaints = await consoleComplaintsDuring(async () => {
      await hangUpDuring(slow, 2, 2);
      // Started later with the same delay, this answer comes after the closed tab's turn.
      const response = await post(slow);
      expect(response.status).toBe(200);
      expect(((await response.json()) as { token: string }).token).toEqual(expect.any(String));
    });
    expect(complaints).toEqual([]);
    expect(passedOn).toEqual([]);
  }, 30_000);

  it('stays quiet when a tab closes in the middle of sending its request body, and keeps serving', async () => {
    const { url, passedOn } = await serve({});
    const complaints = await consoleComplaintsDuring(async () => {
      await hangUpDuring(`${url}/api/databrain/token?user=acme-viewer`, 1_000, 10);
      await hangUpDuring(`${url}/databrain-emulator/api/v2/dashboard?dashboardId=sales-overview`, 1_000, 10);
      expect((await post(`${url}/api/databrain/token?user=acme-viewer`)).status).toBe(200);
    });
    expect(complaints).toEqual([]);
    expect(passedOn).toEqual([]);
  });

  it('proxies only the preview routes of the emulator', async () => {
    const { url } = await serve({});
    const response = await fetch(`${url}/databrain-emulator/api/v2/guest-token/create`, {
      method: 'POST',
      body: '{}',
    });
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('not here');
  });
});

describe('the story backend in live mode', () => {
  let service: RunningEmulator;

  it('mints from the configured service and never answers with its key', async () => {
    // Another emulator plays the real DataBrain service here.
    service = await startEmulator({ port: 0, host: '127.0.0.1' });
    cleanups.push(() => service.close());
    const apiKey = service.apiKeys['demo-app'] ?? '';
    const { url, backend } = await serve({
      DATABRAIN_API_URL: service.url,
      DATABRAIN_API_KEY: apiKey,
      DATABRAIN_DATA_APP: 'demo-app',
    });
    expect(backend.mode).toBe('live');
    expect(backend.emulatorUrl).toBeUndefined();

    const mode = await (await fetch(`${url}/api/databrain/mode`)).text();
    expect(JSON.parse(mode)).toEqual({ mode: 'live' });
    const answer = await (await post(`${url}/api/databrain/token?user=acme-analyst`)).text();
    const { token } = JSON.parse(answer) as { token: string };
    expect(service.getTokenClaims(token)?.clientId).toBe('acme');
    for (const body of [mode, answer]) expect(body).not.toContain(apiKey);

    const proxied = await fetch(`${url}/databrain-emulator/api/v2/dashboard?dashboardId=sales-overview`);
    expect(proxied.status).toBe(404);
  });

  it('refuses a partial live configuration, naming what is missing', async () => {
    await expect(startStoryBackend({ DATABRAIN_API_KEY: 'secret-key' })).rejects.toThrow(
      /missing: DATABRAIN_API_URL, DATABRAIN_DATA_APP/,
    );
    await expect(startStoryBackend({ DATABRAIN_API_KEY: 'secret-key' })).rejects.not.toThrow(/secret-key/);
  });
});
