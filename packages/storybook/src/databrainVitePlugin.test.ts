import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '@databrain-embed/emulator';
import type { PreviewPayload } from '@databrain-embed/emulator/handler';
import { createServer, type ViteDevServer } from 'vite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { databrainVitePlugin } from './databrainVitePlugin.ts';
import { loadDatabrainConfig } from './loadDatabrainConfig.ts';
import type { LiveSettings } from './readLiveSettings.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  vi.restoreAllMocks();
});

const source = (personas: string) => `
export default {
  dataAppName: 'shop',
  embeds: [{
    embedId: 'orders', type: 'dashboard', name: 'Orders',
    metrics: [{ metricId: 'orders-total', name: 'Orders total' }],
    rows: [
      { tenant: 'acme', status: 'shipped', total: 120 },
      { tenant: 'globex', status: 'open', total: 300 },
      { tenant: 'initech', status: 'open', total: 75 },
    ],
  }],
  personas: ${personas},
};
`;

/** A Vite dev server on 127.0.0.1 with the addon's plugin, as Storybook's dev server has it. */
async function devServer(
  personas: string,
  live?: LiveSettings,
): Promise<{ url: string; server: ViteDevServer; file: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'databrain-dev-'));
  const file = join(dir, 'databrain.ts');
  writeFileSync(file, source(personas));
  const reload = () => loadDatabrainConfig(file);
  const server = await createServer({
    root: dir,
    configFile: false,
    logLevel: 'silent',
    server: { host: '127.0.0.1', port: 0, strictPort: false, ws: false },
    optimizeDeps: { noDiscovery: true, include: [] },
    plugins: [
      databrainVitePlugin({
        configFile: file,
        config: await reload(),
        reload,
        settings: { mode: live ? 'live' : 'emulator', tokenEndpoint: '/api/databrain/token' },
        live,
      }),
    ],
  });
  await server.listen();
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => server.close());
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return { url: `http://127.0.0.1:${address.port}`, server, file };
}

const mint = (url: string, persona: string) =>
  fetch(`${url}/api/databrain/token?persona=${persona}`, { method: 'POST', body: '{}' });

describe('the dev server with the addon plugin', () => {
  it("mints through the real token handler and serves the persona's rows on its own origin", async () => {
    const { url } = await devServer(
      `{ 'acme-viewer': { clientId: 'acme' }, 'globex-viewer': { clientId: 'globex' } }`,
    );
    const answer = await mint(url, 'globex-viewer');
    expect(answer.status).toBe(200);
    const { token, expiresIn } = (await answer.json()) as { token: string; expiresIn: number };
    expect(expiresIn).toBe(3_600_000);

    const preview = await fetch(`${url}/databrain-emulator/api/v2/dashboard?dashboardId=orders`, {
      headers: { 'x-plugin-token': token },
    });
    const { data } = (await preview.json()) as { data: PreviewPayload };
    expect(data.rows).toEqual([{ tenant: 'globex', status: 'open', total: 300 }]);

    expect((await mint(url, 'nobody')).status).toBe(401);
    // Anything else is Vite's.
    expect((await fetch(`${url}/api/databrain/other`, { method: 'POST' })).status).toBe(404);
  });

  it("answers metric data through the real metric-data handler, for the persona's tenant only", async () => {
    const { url } = await devServer(
      `{ 'acme-viewer': { clientId: 'acme' }, 'globex-viewer': { clientId: 'globex' } }`,
    );
    const ask = (query: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${url}/api/databrain/data${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    // No embedId: the embed that lists the metric. A clientId of the browser's is dropped.
    const answer = await ask('?persona=globex-viewer', { metricId: 'orders-total', clientId: 'acme' });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({
      metricId: 'orders-total',
      embedId: 'orders',
      rows: [{ tenant: 'globex', status: 'open', total: 300 }],
    });
    // The persona cookie, as a provider of the story's own sends it; an allowed filter applies.
    const byCookie = await ask(
      '',
      { metricId: 'orders-total', filters: { status: 'open' } },
      { cookie: 'databrain-storybook-persona=acme-viewer' },
    );
    expect(((await byCookie.json()) as { rows: unknown[] }).rows).toEqual([]);
    expect((await ask('?persona=nobody', { metricId: 'orders-total' })).status).toBe(401);
    const down = await ask('?persona=acme-viewer&status=503', { metricId: 'orders-total' });
    expect(down.status).toBe(503);
  });

  it('serves the virtual module with the config file and the mode, and no key', async () => {
    const { server } = await devServer(`{ 'acme-viewer': { clientId: 'acme' } }`);
    const module = await server.transformRequest('virtual:databrain-storybook');
    // The team's file, as Vite serves it from the project root.
    expect(module?.code).toContain('export { default as config } from "/databrain.ts"');
    expect(module?.code).toContain('"mode":"emulator"');
    expect(module?.code).not.toMatch(/apiKey|DATABRAIN_API_KEY/);
  });

  it('re-seeds its backend when databrain.ts changes, and keeps the old personas when the new file is bad', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { url, file, server } = await devServer(`{ 'acme-viewer': { clientId: 'acme' } }`);
    expect((await mint(url, 'initech-viewer')).status).toBe(401);

    writeFileSync(
      file,
      source(`{ 'acme-viewer': { clientId: 'acme' }, 'initech-viewer': { clientId: 'initech' } }`),
    );
    server.watcher.emit('change', file);
    await expect.poll(async () => (await mint(url, 'initech-viewer')).status, { timeout: 10_000 }).toBe(200);

    const errors: string[] = [];
    vi.spyOn(server.config.logger, 'error').mockImplementation((message) => errors.push(message));
    writeFileSync(file, source(`{ 'initech-viewer': { clientId: '' } }`));
    server.watcher.emit('change', file);
    await expect
      .poll(() => errors.join('\n'), { timeout: 10_000 })
      .toContain('personas.initech-viewer.clientId');
    expect((await mint(url, 'acme-viewer')).status).toBe(200);
  });

  it('in live mode mints from the DataBrain service the variables name, with the key kept in the dev server', async () => {
    // A stand-in for DataBrain on real HTTP, holding the team's data app under another name.
    const dataBrain = await startEmulator({
      includeDefaultSeed: false,
      seed: {
        dataApps: [
          {
            name: 'shop-live',
            apiKeys: ['live-key'],
            embeds: [{ embedId: 'orders', type: 'dashboard', name: 'Orders' }],
          },
        ],
      },
    });
    cleanups.push(() => dataBrain.close());
    const { url, server } = await devServer(`{ 'globex-viewer': { clientId: 'globex' } }`, {
      apiUrl: dataBrain.url,
      apiKey: 'live-key',
      dataApp: 'shop-live',
    });
    const { token } = (await (await mint(url, 'globex-viewer')).json()) as { token: string };
    expect(dataBrain.getTokenClaims(token)).toMatchObject({ clientId: 'globex', dataAppName: 'shop-live' });
    // DataBrain's own elements read DataBrain: no emulator answers on the Storybook's origin.
    const preview = await fetch(`${url}/databrain-emulator/api/v2/dashboard?dashboardId=orders`, {
      headers: { 'x-plugin-token': token },
    });
    expect(preview.status).toBe(404);
    expect(server.config.optimizeDeps.include).toContain('@databrainhq/plugin/web');
    const module = await server.transformRequest('virtual:databrain-storybook');
    expect(module?.code).toContain('"mode":"live"');
    expect(module?.code).not.toContain('live-key');
  });
});
