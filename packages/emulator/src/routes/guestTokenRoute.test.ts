import { DOCUMENTED_ERRORS } from '@databrain-embed/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../startEmulator.ts';
import { apiKey, postJson, readAnswer, serviceToken } from '../testKit.test.helpers.ts';

let clock = 1_700_000_000_000;
let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    now: () => clock,
    seed: { dataApps: [{ name: 'other-app', apiKeys: ['other-key'], embeds: [] }] },
  });
});
afterAll(() => emulator.close());

const create = (body: unknown, credential: string | null = apiKey) =>
  postJson(`${emulator.url}/api/v2/guest-token/create`, body, credential);
const base = { clientId: 'acme', dataAppName: 'demo-app' };
const status = DOCUMENTED_ERRORS.guestToken;

async function preview(token: string, path: string) {
  const response = await fetch(`${emulator.url}${path}`, { headers: { 'x-plugin-token': token } });
  return { ...(await readAnswer(response)), headers: response.headers };
}

describe('POST /api/v2/guest-token/create', () => {
  it('answers 200 { token } with a UUID and remembers the claims', async () => {
    clock = 1_700_000_000_000;
    const answer = await create({ ...base, expiryTime: 60_000, permissions: { isShowSideBar: true } });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ token: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const { token } = answer.body as { token: string };
    expect(emulator.getTokenClaims(token)).toEqual({
      clientId: 'acme',
      dataAppName: 'demo-app',
      params: {},
      permissions: { isShowSideBar: true },
      datasourceName: null,
      issuedAt: 1_700_000_000_000,
      expiresAt: 1_700_000_060_000,
    });
  });

  it('mints a token that never expires without expiryTime', async () => {
    const { token } = (await create(base)).body as { token: string };
    expect(emulator.getTokenClaims(token)?.expiresAt).toBeNull();
  });

  it.each([
    ['missing', null],
    ['unknown', 'not-a-key'],
  ])('answers 401 AUTHENTICATION_ERROR for a %s API key', async (_, credential) => {
    const answer = await create(base, credential);
    expect(answer).toMatchObject({
      status: status.AUTHENTICATION_ERROR,
      body: { error: { code: 'AUTHENTICATION_ERROR' } },
    });
  });

  it('answers 401 AUTHENTICATION_ERROR for a service token, saying a data-app API key is required', async () => {
    const answer = await create(base, serviceToken);
    expect(answer).toMatchObject({ status: 401, body: { error: { code: 'AUTHENTICATION_ERROR' } } });
    expect(JSON.stringify(answer.body)).toMatch(/data-app API key/);
    expect(JSON.stringify(answer.body)).not.toContain(serviceToken);
  });

  it('answers 400 INVALID_REQUEST_BODY with the validation messages', async () => {
    const answer = await create({ dataAppName: 'demo-app' });
    expect(answer).toMatchObject({
      status: status.INVALID_REQUEST_BODY,
      body: { error: { code: 'INVALID_REQUEST_BODY' } },
    });
    expect(JSON.stringify(answer.body)).toContain('clientId');
  });

  it('answers 404 DATA_APP_ID_ERROR for an unknown app and for another app than the key', async () => {
    for (const dataAppName of ['ghost-app', 'other-app']) {
      const answer = await create({ ...base, dataAppName });
      expect(answer).toMatchObject({
        status: status.DATA_APP_ID_ERROR,
        body: { error: { code: 'DATA_APP_ID_ERROR' } },
      });
    }
  });

  it.each([
    ['DASHBOARD_PARAM_ERROR', { params: { allowedEmbeds: ['sales-overview', 'nope'] } }],
    [
      'APP_FILTER_PARAM_ERROR',
      { params: { appFilters: [{ metricId: 'nope', values: { country: 'USA' } }] } },
    ],
    [
      'DASHBOARD_PARAM_ERROR',
      { params: { dashboardAppFilters: [{ dashboardId: 'nope', values: { country: 'USA' } }] } },
    ],
    ['INVALID_REQUEST_BODY', { datasourceName: 'nope' }],
  ] as const)('answers %s for %j', async (code, extra) => {
    const answer = await create({ ...base, ...extra });
    expect(answer).toMatchObject({ status: status[code], body: { error: { code } } });
  });
});

describe('preview routes', () => {
  async function tokenFor(body: Record<string, unknown>): Promise<string> {
    return ((await create({ ...base, ...body })).body as { token: string }).token;
  }

  it('serves a dashboard with claims and rows limited to the client tenant and its dashboard filters', async () => {
    const token = await tokenFor({
      params: {
        dashboardAppFilters: [
          { dashboardId: 'sales-overview', values: { region: 'EMEA' }, isShowOnUrl: false },
        ],
      },
    });
    const answer = await preview(token, '/api/v2/dashboard?dashboardId=sales-overview');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    const { data } = answer.body as {
      data: {
        embed: unknown;
        claims: { clientId: string };
        rows: { tenant: string; region: string }[];
        filters: unknown[];
      };
    };
    expect(data.embed).toMatchObject({
      embedId: 'sales-overview',
      type: 'dashboard',
      name: 'Sales overview',
    });
    expect(data.claims.clientId).toBe('acme');
    expect(data.rows.map((row) => [row.tenant, row.region])).toEqual([
      ['acme', 'EMEA'],
      ['acme', 'EMEA'],
    ]);
    expect(data.filters).toEqual([
      expect.objectContaining({ name: 'region', status: 'applied', isShowOnUrl: false }),
    ]);
  });

  it('serves a metric filtered by its appFilters, with clientId None showing every tenant', async () => {
    const token = await tokenFor({
      clientId: 'None',
      params: { appFilters: [{ metricId: 'revenue', values: { country: 'USA' } }] },
    });
    const answer = await preview(token, '/api/v2/dashboard/embeddedMetric?metricId=revenue');
    const rows = (answer.body as { data: { rows: { tenant: string }[] } }).data.rows;
    expect(rows.map((row) => row.tenant)).toEqual(['acme', 'globex', 'initech']);
  });

  it('answers 401 EXPIRED_TOKEN once the clock passes the expiry', async () => {
    clock = 1_700_000_000_000;
    const token = await tokenFor({ expiryTime: 1_000 });
    expect((await preview(token, '/api/v2/dashboard?dashboardId=sales-overview')).status).toBe(200);
    clock += 1_000;
    const expired = await preview(token, '/api/v2/dashboard?dashboardId=sales-overview');
    expect(expired).toMatchObject({
      status: 401,
      body: { error: { code: 'EXPIRED_TOKEN', message: 'Token expired' } },
    });
    expect(expired.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers 401 for an unknown token, 403 for an embed outside allowedEmbeds, 404 for an unknown embed', async () => {
    expect((await preview('nope', '/api/v2/dashboard?dashboardId=sales-overview')).status).toBe(401);
    const token = await tokenFor({ params: { allowedEmbeds: ['sales-overview'] } });
    expect((await preview(token, '/api/v2/dashboard?dashboardId=customer-health')).status).toBe(403);
    expect((await preview(token, '/api/v2/dashboard?dashboardId=missing')).status).toBe(404);
    expect((await preview(token, '/api/v2/dashboard/embeddedMetric?metricId=sales-overview')).status).toBe(
      404,
    );
  });

  it('answers CORS preflights on preview routes only', async () => {
    const options = {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:6006', 'access-control-request-method': 'GET' },
    };
    const preflight = await fetch(`${emulator.url}/api/v2/dashboard?dashboardId=x`, options);
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('X-Plugin-Token');
    const admin = await fetch(`${emulator.url}/api/v2/workspace`, options);
    expect(admin.headers.get('access-control-allow-origin')).toBeNull();
  });
});
