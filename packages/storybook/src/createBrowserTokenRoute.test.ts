import {
  createEmulatorHandler,
  type EmulatorHandler,
  type PreviewPayload,
} from '@databrain-embed/emulator/handler';
import { createDatabrainClient, createGuestTokenHandler } from '@databrain-embed/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DATABRAIN_PERSONA_COOKIE } from './addonPaths.ts';
import { authorizeStoryRequest } from './authorizeStoryRequest.ts';
import { createBrowserTokenRoute } from './createBrowserTokenRoute.ts';
import { createStoryRoutes } from './createStoryRoutes.ts';
import { emulatorOptionsFor, STORY_EMULATOR_KEY } from './emulatorOptionsFor.ts';
import { parseDatabrainStorybookConfig } from './parseDatabrainStorybookConfig.ts';
import { SHOP, SHOP_CONFIG } from './testConfig.test.helpers.ts';

const ORIGIN = 'http://storybook.local';
let emulator: EmulatorHandler;
let cookies: string | null = null;

function browserRoute() {
  emulator = createEmulatorHandler(emulatorOptionsFor(SHOP));
  return createBrowserTokenRoute({
    config: SHOP,
    emulator: emulator.fetch,
    apiKey: STORY_EMULATOR_KEY,
    cookies: () => cookies,
  });
}

/** The server package's real handler with the same authorize, minting from the same kind of emulator. */
function serverRoute() {
  const own = createEmulatorHandler(emulatorOptionsFor(SHOP));
  return createGuestTokenHandler({
    client: createDatabrainClient({
      apiKey: STORY_EMULATOR_KEY,
      baseUrl: 'http://emulator.local',
      fetch: own.fetch,
      tokenReuse: false,
    }),
    dataAppName: SHOP.dataAppName,
    authorize: (request) => authorizeStoryRequest(SHOP, request),
    onError: () => {},
  });
}

const tokenRequest = (query = '', init: RequestInit = {}) =>
  new Request(`${ORIGIN}/api/databrain/token${query}`, { method: 'POST', body: '{}', ...init });

afterEach(() => {
  cookies = null;
  emulator?.close();
  vi.restoreAllMocks();
});

describe('the browser token route', () => {
  it('mints for the persona in the query, with its tenant, permissions and lifetime', async () => {
    const route = browserRoute();
    const answer = await route(tokenRequest('?persona=globex-editor'));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const { token, expiresIn } = (await answer.json()) as { token: string; expiresIn: number };
    expect(expiresIn).toBe(30 * 60_000);
    expect(emulator.getTokenClaims(token)).toMatchObject({
      clientId: 'globex',
      dataAppName: 'shop',
      permissions: { isEnableManageMetrics: true },
      params: { appFilters: [{ metricId: 'revenue', values: { region: 'NA' } }] },
    });
  });

  it('takes the persona from its cookie when the query names none, else the default persona', async () => {
    const route = browserRoute();
    cookies = `other=1; ${DATABRAIN_PERSONA_COOKIE}=globex-editor`;
    const fromCookie = (await (await route(tokenRequest())).json()) as { token: string };
    expect(emulator.getTokenClaims(fromCookie.token)?.clientId).toBe('globex');
    cookies = null;
    const fromDefault = (await (await route(tokenRequest())).json()) as { token: string };
    expect(emulator.getTokenClaims(fromDefault.token)?.clientId).toBe('acme');
  });

  it("merges the story's overrides from the body over the persona, keeping its tenant", async () => {
    const route = browserRoute();
    const answer = await route(
      tokenRequest('?persona=acme-viewer', {
        body: JSON.stringify({
          permissions: { isEnableDownloadMetrics: true },
          params: { userIdentifier: 'ada@acme.example' },
          expiresIn: '15s',
        }),
      }),
    );
    const { token, expiresIn } = (await answer.json()) as { token: string; expiresIn: number };
    expect(expiresIn).toBe(15_000);
    expect(emulator.getTokenClaims(token)).toMatchObject({
      clientId: 'acme',
      permissions: { isEnableManageMetrics: false, isEnableDownloadMetrics: true },
      params: { userIdentifier: 'ada@acme.example' },
    });
  });

  it('answers a token that never expires with expiresIn null', async () => {
    const answer = await browserRoute()(tokenRequest('?persona=forever-viewer'));
    expect(await answer.json()).toEqual({ token: expect.any(String), expiresIn: null });
  });

  it('refuses an unknown persona (401) and other methods (405) without minting', async () => {
    const route = browserRoute();
    const unknown = await route(tokenRequest('?persona=nobody'));
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toEqual({
      error: { code: 'UNAUTHORIZED', message: 'Sign in to view analytics.' },
    });
    const get = await route(new Request(`${ORIGIN}/api/databrain/token`));
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect(emulator.requests).toEqual([]);
  });

  it('answers 500 for overrides that break a rule, logging the field, and mints nothing', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const route = browserRoute();
    const answer = await route(
      tokenRequest('?persona=acme-viewer', {
        body: JSON.stringify({ permissions: { isEnableExport: true } }),
      }),
    );
    expect(answer.status).toBe(500);
    expect(await answer.json()).toMatchObject({ error: { code: 'INTERNAL_ERROR' } });
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0]?.[0])).toContain('permissions.isEnableExport: unknown permission key');
    expect(emulator.requests).toEqual([]);
  });

  it('answers 502 when the emulator fails, without its details', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const route = browserRoute();
    emulator.faults.add({ path: '/api/v2/guest-token/create', status: 500, times: 1 });
    const answer = await route(tokenRequest('?persona=acme-viewer'));
    expect(answer.status).toBe(502);
    expect(await answer.json()).toEqual({
      error: { code: 'UPSTREAM_ERROR', message: 'The analytics service is unavailable. Try again later.' },
    });
  });

  it.each([
    ['a persona', '?persona=globex-editor', {}],
    ['the default persona', '', {}],
    ['overrides', '?persona=acme-viewer', { body: JSON.stringify({ expiresIn: 60_000 }) }],
    ['an unknown persona', '?persona=nobody', {}],
    ['a GET', '', { method: 'GET', body: null }],
    ['bad overrides', '?persona=acme-viewer', { body: JSON.stringify({ permissions: { nope: true } }) }],
  ])('answers %s as the server handler does', async (_case, query, init: RequestInit) => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const [browser, server] = await Promise.all([
      browserRoute()(tokenRequest(query, init)),
      serverRoute()(tokenRequest(query, init)),
    ]);
    expect(browser.status).toBe(server.status);
    type Body = { expiresIn?: unknown; error?: { code: string } };
    const browserBody = (await browser.json()) as Body;
    const serverBody = (await server.json()) as Body;
    if (server.ok) {
      expect(Object.keys(browserBody).sort()).toEqual(['expiresIn', 'token']);
      expect(browserBody.expiresIn).toBe(serverBody.expiresIn);
    } else {
      expect(browserBody.error?.code).toBe(serverBody.error?.code);
    }
  });
});

/** The answer of a route that must own the request. */
async function owned(answer: Promise<Response> | undefined): Promise<Response> {
  if (answer === undefined) throw new Error('expected the story routes to answer');
  return answer;
}

describe('the story routes', () => {
  it("limit each embed's own rows to the persona's tenant through tenantColumn, then by its filters", async () => {
    const config = parseDatabrainStorybookConfig({
      ...SHOP_CONFIG,
      tenantColumn: 'company',
      embeds: [
        {
          embedId: 'revenue',
          type: 'metric',
          name: 'Revenue',
          rows: [
            { company: 'acme', region: 'EMEA', total: 10 },
            { company: 'globex', region: 'NA', total: 20 },
            { company: 'globex', region: 'EMEA', total: 30 },
          ],
        },
        { embedId: 'orders', type: 'dashboard', name: 'Orders' },
      ],
    });
    emulator = createEmulatorHandler(emulatorOptionsFor(config));
    const token = createBrowserTokenRoute({
      config,
      emulator: emulator.fetch,
      apiKey: STORY_EMULATOR_KEY,
      cookies: () => null,
    });
    const route = createStoryRoutes({ token, emulator: emulator.fetch });
    const minted = (await (await owned(route(tokenRequest('?persona=globex-editor')))).json()) as {
      token: string;
    };
    const preview = await owned(
      route(
        new Request(`${ORIGIN}/databrain-emulator/api/v2/dashboard/embeddedMetric?metricId=revenue`, {
          headers: { 'x-plugin-token': minted.token },
        }),
      ),
    );
    const { data } = (await preview.json()) as { data: PreviewPayload };
    // Globex's rows, then only North America (the persona's appFilters on revenue).
    expect(data.rows).toEqual([{ company: 'globex', region: 'NA', total: 20 }]);
  });

  it('answer a token late, or with a chosen error status, as a story asks', async () => {
    const route = createStoryRoutes({ token: browserRoute() });
    const started = Date.now();
    const late = await owned(route(tokenRequest('?persona=acme-viewer&delay=150')));
    expect(late.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);

    const down = await owned(route(tokenRequest('?persona=acme-viewer&status=503')));
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ error: { code: 'UPSTREAM_BUSY' } });
    expect(emulator.requests.filter((entry) => entry.path === '/api/v2/guest-token/create')).toHaveLength(1);

    expect((await owned(route(tokenRequest('?delay=soon')))).status).toBe(400);
    expect((await owned(route(tokenRequest('?status=200')))).status).toBe(400);
  });

  it('serve the preview routes under their prefix with the token, and pass every other path on', async () => {
    const tokenRoute = browserRoute();
    const route = createStoryRoutes({ token: tokenRoute, emulator: emulator.fetch });
    const minted = (await (await tokenRoute(tokenRequest('?persona=acme-viewer'))).json()) as {
      token: string;
    };
    const preview = await owned(
      route(
        new Request(`${ORIGIN}/databrain-emulator/api/v2/dashboard?dashboardId=orders`, {
          headers: { 'x-plugin-token': minted.token },
        }),
      ),
    );
    expect(preview.status).toBe(200);
    const { data } = (await preview.json()) as { data: PreviewPayload };
    expect(data.embed.embedId).toBe('orders');
    expect(data.claims.clientId).toBe('acme');
    // The team's own rows and columns, Acme's rows only.
    expect(data.columns.map((column) => column.name)).toEqual(['tenant', 'status', 'total']);
    expect(data.rows).toEqual([
      { tenant: 'acme', status: 'shipped', total: 120 },
      { tenant: 'acme', status: 'open', total: 80 },
    ]);

    const elsewhere = await owned(
      route(new Request(`${ORIGIN}/databrain-emulator/api/v2/guest-token/create`)),
    );
    expect(elsewhere.status).toBe(404);
    expect(route(new Request(`${ORIGIN}/index.json`))).toBeUndefined();
    expect(route(new Request(`${ORIGIN}/api/databrain/tokens`))).toBeUndefined();
  });
});
