import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type RunningEmulator, startEmulator } from '@databrain-embed/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { PERSONAS } from '../../.storybook/personas.ts';
import { type StoryBackend, startStoryBackend } from '../../.storybook/tokenServer.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Serves the backend's middleware on 127.0.0.1; paths it does not own answer 404. */
async function serve(env: NodeJS.ProcessEnv): Promise<{ url: string; backend: StoryBackend }> {
  const backend = await startStoryBackend(env);
  const server: Server = createServer((request, response) =>
    backend.middleware(request, response, () => response.writeHead(404).end('not here')),
  );
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  cleanups.push(async () => {
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
    await backend.close();
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, backend };
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
