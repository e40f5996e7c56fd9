import { DATABRAIN_ENDPOINTS, DOCUMENTED_ERRORS } from '@databrain-embed/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_SERVICE_TOKEN } from '../emulatorSeed.ts';
import { SAMPLE_ROWS } from '../sampleData.ts';
import { type RunningEmulator, startEmulator } from '../startEmulator.ts';
import { apiKey, postJson, readAnswer } from '../testKit.test.helpers.ts';

const OTHER_APP_KEY = 'other-app-key';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    seed: {
      workspaces: ['Analytics'],
      dataApps: [
        {
          name: 'demo-app',
          apiKeys: [],
          embeds: [
            {
              embedId: 'orders-board',
              type: 'dashboard',
              name: 'Orders',
              metrics: [
                {
                  metricId: 'orders',
                  name: 'Orders',
                  rows: [
                    { tenant: 'acme', day: '2024-01-01', orders: 3 },
                    { tenant: 'acme', day: '2024-02-01', orders: 5 },
                    { tenant: 'globex', day: '2024-01-01', orders: 9 },
                  ],
                },
              ],
            },
          ],
        },
        {
          name: 'other-app',
          apiKeys: [OTHER_APP_KEY],
          embeds: [{ embedId: 'other-board', type: 'dashboard', name: 'Other' }],
        },
      ],
    },
  });
});
afterAll(() => emulator.close());

const at = (path: string) => `${emulator.url}${path}`;
const get = async (path: string, credential: string | null = apiKey) =>
  readAnswer(
    await fetch(at(path), {
      headers: credential === null ? {} : { authorization: `Bearer ${credential}` },
    }),
  );
const query = (body: unknown, credential: string | null = apiKey) =>
  postJson(at(DATABRAIN_ENDPOINTS.metricQuery), body, credential);
const errorOf = (answer: { status: number; body: unknown }) => ({
  status: answer.status,
  code: (answer.body as { error?: { code?: string } }).error?.code,
});

describe('POST /api/v2/data-app/query', () => {
  it("answers the metric's rows of the clientId's tenant, with DataBrain's envelope", async () => {
    const answer = await query({ embedId: 'sales-overview', metricId: 'total-revenue', clientId: 'acme' });
    expect(answer.status).toBe(200);
    const body = answer.body as Record<string, unknown>;
    expect(body.data).toEqual(SAMPLE_ROWS.filter((row) => row.tenant === 'acme'));
    expect(body).toMatchObject({
      totalRecords: 4,
      comparisonValue: null,
      metricid: 'total-revenue',
      error: null,
      metaData: {
        groupbyColumnList: [],
        columns: [
          { name: 'tenant', dataType: 'string' },
          { name: 'region', dataType: 'string' },
          { name: 'country', dataType: 'string' },
          { name: 'product', dataType: 'string' },
          { name: 'amount', dataType: 'number' },
          { name: 'date', dataType: 'date' },
          { name: 'recurring', dataType: 'boolean' },
        ],
      },
    });
    expect(typeof body.timeTaken).toBe('number');
  });

  it('narrows the rows by metricFilter and dashboardFilter, either date-range form included', async () => {
    const answer = await query({
      embedId: 'sales-overview',
      metricId: 'revenue-by-region',
      clientId: 'globex',
      metricFilter: { region: ['NA', 'EMEA'] },
      dashboardFilter: { date: { start: '2024-02-01', end: '2024-12-31' } },
    });
    expect((answer.body as { data: unknown[] }).data).toEqual([
      expect.objectContaining({ tenant: 'globex', country: 'Canada' }),
      expect.objectContaining({ tenant: 'globex', country: 'Spain' }),
    ]);
    const guestTokenForm = await query({
      embedId: 'sales-overview',
      metricId: 'revenue-by-region',
      clientId: 'globex',
      dashboardFilter: { date: { startDate: '2024-05-01', endDate: '2024-05-31' } },
    });
    expect((guestTokenForm.body as { data: unknown[] }).data).toEqual([
      expect.objectContaining({ country: 'Brazil' }),
    ]);
  });

  it("serves a seeded metric's own rows, and the implicit metric of a metric embed", async () => {
    const own = await query({ embedId: 'orders-board', metricId: 'orders', clientId: 'acme' });
    expect((own.body as { data: unknown[] }).data).toEqual([
      { tenant: 'acme', day: '2024-01-01', orders: 3 },
      { tenant: 'acme', day: '2024-02-01', orders: 5 },
    ]);
    const implicit = await query({ embedId: 'revenue', metricId: 'revenue', clientId: 'None' });
    expect((implicit.body as { data: unknown[] }).data).toHaveLength(SAMPLE_ROWS.length);
  });

  it('answers no rows for a clientId that is no tenant of the table', async () => {
    const answer = await query({ embedId: 'sales-overview', metricId: 'total-revenue', clientId: 'hooli' });
    expect(answer.body).toMatchObject({ data: [], totalRecords: 0 });
  });

  it.each([
    ['no credential', null],
    ['a service token', EMULATOR_SERVICE_TOKEN],
    ['an unknown key', 'not-a-key'],
  ])('refuses %s with INVALID_DATA_APP_API_KEY', async (_label, credential) => {
    const answer = await query(
      { embedId: 'sales-overview', metricId: 'total-revenue', clientId: 'acme' },
      credential,
    );
    expect(errorOf(answer)).toEqual({
      status: DOCUMENTED_ERRORS.metricQuery.INVALID_DATA_APP_API_KEY,
      code: 'INVALID_DATA_APP_API_KEY',
    });
  });

  it.each([
    [
      'a body without clientId',
      { embedId: 'sales-overview', metricId: 'total-revenue' },
      'INVALID_REQUEST_BODY',
    ],
    [
      'an unknown embed',
      { embedId: 'nope', metricId: 'total-revenue', clientId: 'acme' },
      'EMBED_PARAM_ERROR',
    ],
    [
      "another data app's embed",
      { embedId: 'other-board', metricId: 'total-revenue', clientId: 'acme' },
      'EMBED_PARAM_ERROR',
    ],
    [
      'a metric of another embed',
      { embedId: 'customer-health', metricId: 'total-revenue', clientId: 'acme' },
      'INVALID_METRIC_ID',
    ],
    [
      'an unknown datasource',
      { embedId: 'sales-overview', metricId: 'total-revenue', clientId: 'acme', datasourceName: 'lake' },
      'DATASOURCE_NAME_ERROR',
    ],
  ] as const)('answers %s with %s at its documented status', async (_label, body, code) => {
    expect(errorOf(await query(body))).toEqual({ status: DOCUMENTED_ERRORS.metricQuery[code], code });
  });

  it('names the invalid field without echoing filter values', async () => {
    const answer = await query({
      embedId: 'sales-overview',
      metricId: 'total-revenue',
      clientId: 'acme',
      metricFilter: { region: 'private-region-4411', amount: 'x', bad: {}, '': 1 },
    });
    const message = (answer.body as { error: { message: string } }).error.message;
    expect(message).toContain('metricFilter: filter names must be non-empty strings');
    expect(message).not.toContain('private-region-4411');
  });
});

describe('GET /api/v2/data-app/metrics', () => {
  const path = (params: Record<string, string>) =>
    `${DATABRAIN_ENDPOINTS.metricList}?${new URLSearchParams(params).toString()}`;

  it('lists the metrics of an embed', async () => {
    const answer = await get(path({ embedId: 'sales-overview', clientId: 'acme', isMetric: 'true' }));
    expect(answer).toEqual({
      status: 200,
      body: {
        data: [
          { name: 'Total revenue', metricId: 'total-revenue', isPublished: true, createdByUser: null },
          {
            name: 'Revenue by region',
            metricId: 'revenue-by-region',
            isPublished: true,
            createdByUser: null,
          },
        ],
        error: null,
      },
    });
  });

  it('pages ten at a time', async () => {
    const second = await get(
      path({ embedId: 'sales-overview', clientId: 'acme', isPagination: 'true', pageNumber: '2' }),
    );
    expect(second.body).toEqual({ data: [], error: null });
  });

  it.each([
    ['a missing clientId', { embedId: 'sales-overview' }, 'INVALID_REQUEST_BODY'],
    [
      'a bad isMetric',
      { embedId: 'sales-overview', clientId: 'acme', isMetric: 'yes' },
      'INVALID_REQUEST_BODY',
    ],
    [
      'a bad pageNumber',
      { embedId: 'sales-overview', clientId: 'acme', isPagination: 'true', pageNumber: '0' },
      'INVALID_REQUEST_BODY',
    ],
    ['an unknown embed', { embedId: 'nope', clientId: 'acme' }, 'EMBED_PARAM_ERROR'],
    ["another data app's embed", { embedId: 'other-board', clientId: 'acme' }, 'EMBED_PARAM_ERROR'],
  ] as const)('answers %s with %s', async (_label, params, code) => {
    expect(errorOf(await get(path(params)))).toEqual({ status: DOCUMENTED_ERRORS.metricList[code], code });
  });

  it('refuses a service token with INVALID_DATA_APP_API_KEY (401)', async () => {
    const answer = await get(path({ embedId: 'sales-overview', clientId: 'acme' }), EMULATOR_SERVICE_TOKEN);
    expect(errorOf(answer)).toEqual({ status: 401, code: 'INVALID_DATA_APP_API_KEY' });
  });
});

describe('/api/v2/data-app/embeds', () => {
  const accessSettings = { datamartName: 'sales-mart' };

  it("lists the embeds of the key's data app only", async () => {
    const answer = await get(DATABRAIN_ENDPOINTS.embedList, OTHER_APP_KEY);
    expect(answer).toEqual({
      status: 200,
      body: {
        data: [
          {
            embedId: 'other-board',
            embedType: 'dashboard',
            name: 'Other',
            externalDashboard: { externalDashboardId: 'other-board', name: 'Other' },
            externalMetric: null,
          },
        ],
        error: null,
      },
    });
  });

  it('creates a metric embed whose metric can then be listed and queried', async () => {
    const created = await postJson(
      at(DATABRAIN_ENDPOINTS.embedCreate),
      { embedType: 'metric', metricId: 'churn', workspaceName: 'Analytics', name: 'Churn', accessSettings },
      OTHER_APP_KEY,
    );
    expect(created.status).toBe(200);
    const { id } = created.body as { id: string; error: null };
    expect(created.body).toEqual({ id, error: null });

    const listed = await get(
      `${DATABRAIN_ENDPOINTS.embedList}?isPagination=true&pageNumber=1`,
      OTHER_APP_KEY,
    );
    expect((listed.body as { data: { embedId: string }[] }).data.map((embed) => embed.embedId)).toEqual([
      'other-board',
      id,
    ]);
    const metrics = await get(`${DATABRAIN_ENDPOINTS.metricList}?embedId=${id}&clientId=acme`, OTHER_APP_KEY);
    expect(metrics.body).toMatchObject({ data: [{ metricId: 'churn', name: 'Churn' }] });
    const rows = await query({ embedId: id, metricId: 'churn', clientId: 'initech' }, OTHER_APP_KEY);
    expect((rows.body as { data: unknown[] }).data).toHaveLength(4);
  });

  it.each([
    [
      'an invalid body',
      { embedType: 'metric', workspaceName: 'Analytics', accessSettings },
      'INVALID_REQUEST_BODY',
    ],
    [
      'an unknown workspace',
      { embedType: 'dashboard', dashboardId: 'd', workspaceName: 'Nope', accessSettings },
      'INVALID_WORKSPACE_NAME',
    ],
    [
      'an unknown datamart',
      {
        embedType: 'dashboard',
        dashboardId: 'd',
        workspaceName: 'Analytics',
        accessSettings: { datamartName: 'x' },
      },
      'INVALID_DATAMART',
    ],
  ] as const)('answers %s with %s at its documented status', async (_label, body, code) => {
    const answer = await postJson(at(DATABRAIN_ENDPOINTS.embedCreate), body, apiKey);
    expect(errorOf(answer)).toEqual({ status: DOCUMENTED_ERRORS.embedCreate[code], code });
  });

  it('refuses a service token on both methods', async () => {
    expect(errorOf(await get(DATABRAIN_ENDPOINTS.embedList, EMULATOR_SERVICE_TOKEN))).toEqual({
      status: 400,
      code: 'INVALID_DATA_APP_API_KEY',
    });
    const created = await postJson(at(DATABRAIN_ENDPOINTS.embedCreate), {}, EMULATOR_SERVICE_TOKEN);
    expect(errorOf(created)).toEqual({ status: 400, code: 'INVALID_DATA_APP_API_KEY' });
  });

  it('allows GET and POST on the shared path, and says so for any other method', async () => {
    const answer = await fetch(at(DATABRAIN_ENDPOINTS.embedList), { method: 'PUT' });
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('GET, POST');
  });
});
