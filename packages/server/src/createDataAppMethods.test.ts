import { DATABRAIN_ENDPOINTS, DatabrainApiError, DatabrainValidationError } from '@databrain-embed/core';
import {
  EMULATOR_API_KEY,
  EMULATOR_SERVICE_TOKEN,
  type RunningEmulator,
  SAMPLE_ROWS,
  startEmulator,
} from '@databrain-embed/emulator';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDatabrainClient } from './createDatabrainClient.ts';
import { startScriptedServer } from './testing/startScriptedServer.ts';

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: { workspaces: ['Analytics'] } });
});
afterAll(async () => {
  await emulator.close();
});
afterEach(() => {
  emulator.faults.clear();
});

// Every request the client sends, counted at its fetch (the real one).
let sent = 0;
const countingFetch: typeof fetch = (input, init) => {
  sent += 1;
  return fetch(input, init);
};
const databrain = () =>
  createDatabrainClient({
    apiKey: EMULATOR_API_KEY,
    baseUrl: emulator.url,
    retryDelay: 1,
    fetch: countingFetch,
  });
const calls = (path: string) => emulator.requests.filter((entry) => entry.path === path).length;

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

type Sale = { tenant: string; region: string; amount: number };

describe('queryMetric', () => {
  it("returns the tenant's rows, typed by the caller, with DataBrain's envelope read", async () => {
    const answer = await databrain().queryMetric<Sale>({
      embedId: 'sales-overview',
      metricId: 'total-revenue',
      clientId: 'initech',
      metricFilter: { region: 'NA' },
    });
    expect(answer.data.map((row) => [row.tenant, row.region, row.amount])).toEqual([
      ['initech', 'NA', 540],
      ['initech', 'NA', 4100],
    ]);
    expect(answer).toMatchObject({ totalRecords: 2, comparisonValue: null, metricid: 'total-revenue' });
    expect(answer.metaData.columns.map((column) => column.name)).toEqual(Object.keys(SAMPLE_ROWS[0] ?? {}));
  });

  it('is retried after a 5xx, as a read that creates nothing', async () => {
    emulator.faults.add({ path: DATABRAIN_ENDPOINTS.metricQuery, status: 500, times: 1 });
    const before = calls(DATABRAIN_ENDPOINTS.metricQuery);
    const answer = await databrain().queryMetric({
      embedId: 'revenue',
      metricId: 'revenue',
      clientId: 'acme',
    });
    expect(answer.data).toHaveLength(4);
    expect(calls(DATABRAIN_ENDPOINTS.metricQuery) - before).toBe(2);
  });

  it.each([
    ['EMBED_PARAM_ERROR', { embedId: 'nope', metricId: 'revenue', clientId: 'acme' }],
    ['INVALID_METRIC_ID', { embedId: 'sales-overview', metricId: 'revenue', clientId: 'acme' }],
    [
      'DATASOURCE_NAME_ERROR',
      { embedId: 'revenue', metricId: 'revenue', clientId: 'acme', datasourceName: 'lake' },
    ],
  ] as const)('fails with DataBrain’s %s, not retried', async (code, input) => {
    const before = calls(DATABRAIN_ENDPOINTS.metricQuery);
    const error = await rejection(databrain().queryMetric(input));
    expect(error).toBeInstanceOf(DatabrainApiError);
    expect(error).toMatchObject({ code, status: 400, endpoint: 'POST /api/v2/data-app/query' });
    expect(calls(DATABRAIN_ENDPOINTS.metricQuery) - before).toBe(1);
  });

  it('validates its input before any request, naming each field', async () => {
    const before = sent;
    const error = await rejection(
      databrain().queryMetric({
        embedId: '',
        metricId: 'm',
        clientId: 'acme',
        metricFilter: { n: Number.NaN },
      }),
    );
    expect(error).toBeInstanceOf(DatabrainValidationError);
    expect((error as DatabrainValidationError).issues).toEqual([
      { path: 'embedId', message: 'must not be empty' },
      { path: 'metricFilter.n', message: 'must be a finite number' },
    ]);
    expect(sent).toBe(before);
  });

  it('needs the API key, and says which option and variable give it', async () => {
    vi.stubEnv('DATABRAIN_API_KEY', undefined);
    try {
      const client = createDatabrainClient({ serviceToken: EMULATOR_SERVICE_TOKEN, baseUrl: emulator.url });
      await expect(
        client.queryMetric({ embedId: 'revenue', metricId: 'revenue', clientId: 'acme' }),
      ).rejects.toThrow(/queryMetric needs the `apiKey` option .*DATABRAIN_API_KEY/);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('refuses an answer whose rows are not plain objects, and one over the size cap', async () => {
    const scripted = await startScriptedServer(({ url }) =>
      url === '/api/v2/data-app/query'
        ? { status: 200, body: JSON.stringify({ data: [1, 2], error: null }) }
        : { status: 200, body: JSON.stringify({ data: [{ padding: 'x'.repeat(4096) }] }) },
    );
    try {
      const client = createDatabrainClient({
        apiKey: 'key-1',
        baseUrl: scripted.url,
        maxResponseBytes: 1024,
      });
      const input = { embedId: 'e', metricId: 'm', clientId: 'c' };
      await expect(client.queryMetric(input)).rejects.toMatchObject({
        code: 'UNEXPECTED_RESPONSE',
        message: expect.stringContaining('DataBrain answered without a data list of rows'),
      });
      await expect(client.listEmbeds()).rejects.toMatchObject({ code: 'RESPONSE_TOO_LARGE' });
      // What DataBrain received: the API key as bearer, the body exactly as given.
      expect(scripted.received[0]?.headers.authorization).toBe('Bearer key-1');
      expect(JSON.parse(scripted.received[0]?.body ?? '')).toEqual(input);
    } finally {
      await scripted.close();
    }
  });

  it.each([
    ['INVALID_EMBED_ID', 400],
    ['INVALID_DATA_APP_API_KEY', 400],
    ['INVALID_REQUEST_BODY', 400],
    ['INTERNAL_SERVER_ERROR', 500],
  ])("carries DataBrain's documented %s as its code", async (code, status) => {
    const scripted = await startScriptedServer(() => ({
      status,
      body: JSON.stringify({ error: { code, message: 'From DataBrain.' } }),
    }));
    try {
      const client = createDatabrainClient({ apiKey: 'key-1', baseUrl: scripted.url, maxRetries: 0 });
      const error = await rejection(client.queryMetric({ embedId: 'e', metricId: 'm', clientId: 'c' }));
      expect(error).toMatchObject({ code, status });
    } finally {
      await scripted.close();
    }
  });
});

describe('listMetrics', () => {
  it('lists the metrics of an embed, sending the query as strings', async () => {
    const answer = await databrain().listMetrics({
      embedId: 'sales-overview',
      clientId: 'acme',
      isMetric: true,
    });
    expect(answer.data.map((metric) => metric.metricId)).toEqual(['total-revenue', 'revenue-by-region']);
  });

  it("fails with EMBED_PARAM_ERROR (404) for another data app's or an unknown embed", async () => {
    const error = await rejection(databrain().listMetrics({ embedId: 'nope', clientId: 'acme' }));
    expect(error).toMatchObject({ code: 'EMBED_PARAM_ERROR', status: 404 });
  });

  it('fails with INVALID_DATA_APP_API_KEY (401) for a key the data app does not know', async () => {
    const client = createDatabrainClient({ apiKey: 'unknown-key', baseUrl: emulator.url });
    const error = await rejection(client.listMetrics({ embedId: 'sales-overview', clientId: 'acme' }));
    expect(error).toMatchObject({ code: 'INVALID_DATA_APP_API_KEY', status: 401 });
  });

  it('validates the query before any request', async () => {
    const before = sent;
    await expect(databrain().listMetrics({ embedId: 'sales-overview', clientId: '' })).rejects.toThrow(
      /clientId: must not be empty/,
    );
    expect(sent).toBe(before);
  });
});

describe('listEmbeds', () => {
  it('lists the embeds of the data app, a page at a time', async () => {
    const all = await databrain().listEmbeds();
    expect(all.data.map((embed) => [embed.embedId, embed.embedType])).toEqual([
      ['sales-overview', 'dashboard'],
      ['customer-health', 'dashboard'],
      ['revenue', 'metric'],
      ['active-users', 'metric'],
    ]);
    const second = await databrain().listEmbeds({ isPagination: true, pageNumber: 2 });
    expect(second.data).toEqual([]);
  });

  it('fails with INVALID_DATA_APP_API_KEY (400) for a service token', async () => {
    const client = createDatabrainClient({ apiKey: EMULATOR_SERVICE_TOKEN, baseUrl: emulator.url });
    await expect(client.listEmbeds()).rejects.toMatchObject({
      code: 'INVALID_DATA_APP_API_KEY',
      status: 400,
    });
  });
});

describe('createEmbed', () => {
  const accessSettings = { datamartName: 'sales-mart', isAllowMetricCreation: false };

  it('creates a metric embed that listEmbeds then shows', async () => {
    const { id } = await databrain().createEmbed({
      embedType: 'metric',
      metricId: 'churn',
      workspaceName: 'Analytics',
      name: 'Churn',
      accessSettings,
    });
    const listed = await databrain().listEmbeds();
    expect(listed.data.find((embed) => embed.embedId === id)).toMatchObject({
      embedType: 'metric',
      name: 'Churn',
    });
  });

  it.each([
    ['INVALID_WORKSPACE_NAME', 404, { workspaceName: 'Nope', accessSettings }],
    ['INVALID_DATAMART', 400, { workspaceName: 'Analytics', accessSettings: { datamartName: 'nope' } }],
  ] as const)('fails with %s (%i)', async (code, status, fields) => {
    const error = await rejection(
      databrain().createEmbed({ embedType: 'dashboard', dashboardId: 'd', ...fields }),
    );
    expect(error).toMatchObject({ code, status });
  });

  it('is not retried after a 5xx: DataBrain may have created the embed', async () => {
    emulator.faults.add({ path: DATABRAIN_ENDPOINTS.embedCreate, status: 500, times: 1 });
    const before = calls(DATABRAIN_ENDPOINTS.embedCreate);
    await expect(
      databrain().createEmbed({
        embedType: 'dashboard',
        dashboardId: 'd',
        workspaceName: 'Analytics',
        accessSettings,
      }),
    ).rejects.toMatchObject({ code: 'INTERNAL_SERVER_ERROR', status: 500 });
    expect(calls(DATABRAIN_ENDPOINTS.embedCreate) - before).toBe(1);
  });

  it('validates the body before any request', async () => {
    const before = sent;
    const error = await rejection(
      databrain().createEmbed({ embedType: 'metric', workspaceName: 'Analytics', accessSettings }),
    );
    expect((error as DatabrainValidationError).issues).toEqual([
      { path: 'metricId', message: 'is required when embedType is "metric"' },
    ]);
    expect(sent).toBe(before);
  });
});
