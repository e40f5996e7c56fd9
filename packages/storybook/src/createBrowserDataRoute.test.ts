import { createEmulatorHandler, type EmulatorHandler } from '@databrain-embed/emulator/handler';
import { createDatabrainClient, createMetricDataHandler } from '@databrain-embed/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DATABRAIN_PERSONA_COOKIE } from './addonPaths.ts';
import { authorizeStoryDataRequest } from './authorizeStoryDataRequest.ts';
import { createBrowserDataRoute } from './createBrowserDataRoute.ts';
import { createStoryRoutes } from './createStoryRoutes.ts';
import type { ResolvedDatabrainStorybookConfig } from './DatabrainStorybookConfig.ts';
import { dataFiltersOf } from './dataFiltersOf.ts';
import { emulatorOptionsFor, STORY_EMULATOR_KEY } from './emulatorOptionsFor.ts';
import { parseDatabrainStorybookConfig } from './parseDatabrainStorybookConfig.ts';
import { SHOP, SHOP_CONFIG } from './testConfig.test.helpers.ts';
import { withDefaultEmbed } from './withDefaultEmbed.ts';

const ORIGIN = 'http://storybook.local';
const emulators: EmulatorHandler[] = [];
let cookies: string | null = null;

function emulatorFor(config: ResolvedDatabrainStorybookConfig): EmulatorHandler {
  const emulator = createEmulatorHandler(emulatorOptionsFor(config));
  emulators.push(emulator);
  return emulator;
}

function browserRoute(config: ResolvedDatabrainStorybookConfig = SHOP) {
  return createBrowserDataRoute({
    config,
    emulator: emulatorFor(config).fetch,
    apiKey: STORY_EMULATOR_KEY,
    cookies: () => cookies,
  });
}

/** The server package's real handler with the same authorize and filters, over the same kind of emulator. */
function serverRoute(config: ResolvedDatabrainStorybookConfig = SHOP) {
  return createMetricDataHandler({
    client: createDatabrainClient({
      apiKey: STORY_EMULATOR_KEY,
      baseUrl: 'http://emulator.local',
      fetch: emulatorFor(config).fetch,
    }),
    filters: dataFiltersOf(config),
    reuse: false,
    budget: false,
    authorize: (request, query) => authorizeStoryDataRequest(config, request, query),
    onError: () => {},
  });
}

const dataRequest = (query: string, body: unknown, init: RequestInit = {}) =>
  new Request(`${ORIGIN}/api/databrain/data${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...init,
  });

async function rowsOf(answer: Response): Promise<unknown[]> {
  expect(answer.status).toBe(200);
  return ((await answer.json()) as { rows: unknown[] }).rows;
}

afterEach(() => {
  cookies = null;
  for (const emulator of emulators.splice(0)) emulator.close();
  vi.restoreAllMocks();
});

describe('the browser data route', () => {
  it("answers the persona's tenant only, in the metric-data contract", async () => {
    const answer = await browserRoute()(
      dataRequest('?persona=acme-viewer', { metricId: 'revenue', embedId: 'revenue' }),
    );
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const body = (await answer.clone().json()) as Record<string, unknown>;
    expect(body).toMatchObject({ metricId: 'revenue', embedId: 'revenue', totalRecords: 1, groupBy: [] });
    expect((body.columns as { name: string }[]).map((column) => column.name)).toEqual([
      'tenant',
      'region',
      'total',
    ]);
    expect(await rowsOf(answer)).toEqual([{ tenant: 'acme', region: 'EMEA', total: 10 }]);
  });

  it('ignores a clientId, a metricFilter and a dashboardFilter the browser sends', async () => {
    const answer = await browserRoute()(
      dataRequest('?persona=acme-viewer', {
        metricId: 'revenue',
        embedId: 'revenue',
        clientId: 'globex',
        metricFilter: { tenant: 'globex' },
        dashboardFilter: { tenant: 'globex' },
      }),
    );
    expect(await rowsOf(answer)).toEqual([{ tenant: 'acme', region: 'EMEA', total: 10 }]);
  });

  it("keeps the persona's security filter over the browser's choice on the same column", async () => {
    // globex-editor's token filters revenue to region NA; the browser asks for EMEA.
    const answer = await browserRoute()(
      dataRequest('?persona=globex-editor', {
        metricId: 'revenue',
        embedId: 'revenue',
        filters: { region: 'EMEA' },
      }),
    );
    expect(await rowsOf(answer)).toEqual([{ tenant: 'globex', region: 'NA', total: 20 }]);
  });

  it('never lets the browser filter on the tenant column to reach another tenant', async () => {
    const answer = await browserRoute()(
      dataRequest('?persona=acme-viewer', {
        metricId: 'revenue',
        embedId: 'revenue',
        filters: { tenant: 'globex' },
      }),
    );
    expect(await rowsOf(answer)).toEqual([{ tenant: 'acme', region: 'EMEA', total: 10 }]);
  });

  it('applies the filters the config allows, and drops the others', async () => {
    const ask = { metricId: 'revenue', embedId: 'revenue', filters: { region: 'NA' } };
    expect(await rowsOf(await browserRoute()(dataRequest('?persona=acme-viewer', ask)))).toEqual([]);
    const noFilters = parseDatabrainStorybookConfig({ ...SHOP_CONFIG, dataFilters: ['status'] });
    expect(await rowsOf(await browserRoute(noFilters)(dataRequest('?persona=acme-viewer', ask)))).toEqual([
      { tenant: 'acme', region: 'EMEA', total: 10 },
    ]);
  });

  it("reads the persona from the page's cookie when the query names none", async () => {
    cookies = `other=1; ${DATABRAIN_PERSONA_COOKIE}=globex-editor`;
    const answer = await browserRoute()(dataRequest('', { metricId: 'revenue', embedId: 'revenue' }));
    expect(await rowsOf(answer)).toEqual([{ tenant: 'globex', region: 'NA', total: 20 }]);
  });

  it('finds the embed of a metric the browser names alone', async () => {
    const route = withDefaultEmbed(SHOP, browserRoute());
    const answer = await route(dataRequest('?persona=acme-viewer', { metricId: 'revenue' }));
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ embedId: 'revenue', rows: [{ tenant: 'acme' }] });
  });

  it('answers failures as the server handler does', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const cases: [string, Request][] = [
      ['unknown persona', dataRequest('?persona=nobody', { metricId: 'revenue', embedId: 'revenue' })],
      ['GET', new Request(`${ORIGIN}/api/databrain/data?persona=acme-viewer`)],
      ['no metricId', dataRequest('?persona=acme-viewer', { embedId: 'revenue' })],
      ['no embedId', dataRequest('?persona=acme-viewer', { metricId: 'revenue' })],
      ['not JSON', dataRequest('?persona=acme-viewer', '{oops')],
      ['unknown metric', dataRequest('?persona=acme-viewer', { metricId: 'nope', embedId: 'revenue' })],
      ['unknown embed', dataRequest('?persona=acme-viewer', { metricId: 'revenue', embedId: 'nope' })],
      [
        'a dashboard without metrics',
        dataRequest('?persona=acme-viewer', { metricId: 'orders', embedId: 'orders' }),
      ],
      [
        'two tenants asked',
        dataRequest('?persona=globex-editor', { metricId: 'revenue', embedId: 'revenue', clientId: 'acme' }),
      ],
    ];
    const browser = browserRoute();
    const server = serverRoute();
    for (const [name, request] of cases) {
      const [mine, theirs] = await Promise.all([browser(request.clone()), server(request.clone())]);
      const [mineBody, theirsBody] = await Promise.all([mine.json(), theirs.json()]);
      expect({ name, status: mine.status, body: mineBody }).toEqual({
        name,
        status: theirs.status,
        body: theirsBody,
      });
    }
  });

  it('fails on purpose before querying when a story asks for a failing endpoint', async () => {
    const data = vi.fn(browserRoute());
    const route = createStoryRoutes({ token: vi.fn(), data });
    const answer = await route(
      dataRequest('?persona=acme-viewer&status=503', { metricId: 'revenue', embedId: 'revenue' }),
    );
    expect(answer?.status).toBe(503);
    expect(await answer?.json()).toMatchObject({ error: { code: 'UPSTREAM_BUSY' } });
    expect(data).not.toHaveBeenCalled();
  });
});
