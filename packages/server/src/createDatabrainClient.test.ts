import {
  DatabrainApiError,
  DatabrainError,
  DatabrainValidationError,
  type GuestTokenInput,
} from '@databrain-embed/core';
import {
  EMULATOR_API_KEY,
  EMULATOR_DATA_APP,
  EMULATOR_SERVICE_TOKEN,
  type RunningEmulator,
  startEmulator,
} from '@databrain-embed/emulator';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDatabrainClient } from './createDatabrainClient.ts';

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(async () => {
  await emulator.close();
});
afterEach(() => {
  emulator.faults.clear();
});

const admin = () => createDatabrainClient({ serviceToken: EMULATOR_SERVICE_TOKEN, baseUrl: emulator.url });

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

describe('createDatabrainClient options', () => {
  it('creates a client without any credential and names option and variable when a call needs one', async () => {
    vi.stubEnv('DATABRAIN_API_KEY', undefined);
    vi.stubEnv('DATABRAIN_SERVICE_TOKEN', undefined);
    try {
      const client = createDatabrainClient({});
      await expect(client.createGuestToken({ dataAppName: 'app', clientId: 'acme' })).rejects.toThrow(
        /needs the `apiKey` option .*DATABRAIN_API_KEY environment variable/,
      );
      await expect(client.listDataApps()).rejects.toThrow(
        /needs the `serviceToken` option .*DATABRAIN_SERVICE_TOKEN environment variable/,
      );
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('reports every invalid option at once without echoing key values', () => {
    const secret = 'sk-live-super-secret-value ';
    let error: unknown;
    try {
      createDatabrainClient({
        apiKey: secret,
        serviceToken: '',
        baseUrl: 'ftp://databrain.example.com',
        timeoutMs: -1,
        maxRetries: 1.5,
        retryDelay: Number.NaN,
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DatabrainValidationError);
    const issues = (error as DatabrainValidationError).issues.map((issue) => issue.path);
    expect(issues).toEqual(['apiKey', 'serviceToken', 'baseUrl', 'timeoutMs', 'maxRetries', 'retryDelay']);
    expect((error as Error).message).not.toContain('super-secret');
    expect(JSON.stringify(error)).not.toContain('super-secret');
  });

  it('rejects unknown options so a typo does not silently drop a setting', () => {
    expect(() =>
      createDatabrainClient({ apiKey: 'k', ...({ apikey: 'k' } as Record<string, string>) }),
    ).toThrow(/apikey: unknown option \(known options: apiKey, serviceToken/);
  });

  it('rejects a base URL that carries credentials, without echoing it', () => {
    expect(() =>
      createDatabrainClient({ apiKey: 'k', baseUrl: 'https://user:hunter2@db.example.com' }),
    ).toThrow(/baseUrl: must not contain credentials/);
    try {
      createDatabrainClient({ apiKey: 'k', baseUrl: 'https://user:hunter2@db.example.com' });
    } catch (error) {
      expect((error as Error).message).not.toContain('hunter2');
    }
  });

  it('accepts a self-hosted base URL with a path prefix and trailing slashes', async () => {
    const client = createDatabrainClient({
      serviceToken: EMULATOR_SERVICE_TOKEN,
      baseUrl: `${emulator.url}//`,
    });
    const { data } = await client.listDataApps();
    expect(data.map((app) => app.name)).toContain(EMULATOR_DATA_APP);
  });

  it('refuses to run in a browser page, where keys would be exposed', () => {
    const scope = globalThis as Record<string, unknown>;
    scope.window = {};
    scope.document = {};
    try {
      expect(() => createDatabrainClient({ apiKey: 'k' })).toThrow(/must run on a server/);
    } finally {
      delete scope.window;
      delete scope.document;
    }
    expect(() => createDatabrainClient({ apiKey: 'k' })).not.toThrow();
  });
});

describe('admin calls against the emulator', () => {
  it('creates a workspace bound to an existing datasource', async () => {
    const response = await admin().createWorkspace({
      name: 'Sales workspace',
      connectionType: 'DATASOURCE',
      datasourceName: 'warehouse',
    });
    expect(response).toEqual({ data: { name: 'Sales workspace' }, error: null });
  });

  it('creates a datasource and answers with its name', async () => {
    const response = await admin().createDatasource({
      datasourceType: 'postgres',
      credentials: {
        name: 'eu-postgres',
        host: 'db.example.com',
        port: 5432,
        username: 'reader',
        password: 'pg-password-123',
        database: 'analytics',
        schema: 'public',
      },
    });
    expect(response).toEqual({ name: 'eu-postgres' });
  });

  it('creates an API key for a data app', async () => {
    const { key } = await admin().createApiToken({ dataAppName: EMULATOR_DATA_APP, name: 'Staging' });
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('lists data apps, with pagination passed as query parameters', async () => {
    const { data } = await admin().listDataApps({ isPagination: true, pageNumber: 1 });
    expect(data[0]?.name).toBe(EMULATOR_DATA_APP);
    expect(data[0]?.embeds.length).toBeGreaterThan(0);
    const { data: empty } = await admin().listDataApps({ isPagination: true, pageNumber: 2 });
    expect(empty).toEqual([]);
  });

  it('validates input before any request is sent', async () => {
    const before = emulator.requests.length;
    const client = admin();
    await expect(
      client.createWorkspace({ name: '', connectionType: 'MULTI_DATASOURCE' }),
    ).rejects.toBeInstanceOf(DatabrainValidationError);
    await expect(client.createApiToken({ dataAppName: EMULATOR_DATA_APP, name: '' })).rejects.toThrow(/name/);
    await expect(client.listDataApps({ pageNumber: 0 })).rejects.toThrow(/pageNumber/);
    expect(emulator.requests.length).toBe(before);
  });

  it('names the missing credential option before any request', async () => {
    const before = emulator.requests.length;
    const apiKeyOnly = createDatabrainClient({ apiKey: EMULATOR_API_KEY, baseUrl: emulator.url });
    const error = await rejection(apiKeyOnly.listDataApps());
    expect(error).toBeInstanceOf(DatabrainError);
    expect((error as Error).message).toMatch(/listDataApps needs the `serviceToken` option/);
    expect(emulator.requests.length).toBe(before);
  });

  it('turns a documented DataBrain error into a DatabrainApiError with its code and status', async () => {
    const error = await rejection(admin().createApiToken({ dataAppName: 'no-such-app', name: 'x' }));
    expect(error).toBeInstanceOf(DatabrainApiError);
    expect(error).toMatchObject({
      code: 'DATA_APP_NOT_FOUND',
      status: 400,
      endpoint: 'POST /api/v2/data-app/api-tokens',
    });
  });

  it('reports a rejected service token without repeating it', async () => {
    const client = createDatabrainClient({
      serviceToken: 'wrong-service-token-value',
      baseUrl: emulator.url,
    });
    const error = await rejection(client.createApiToken({ dataAppName: EMULATOR_DATA_APP, name: 'x' }));
    expect(error).toMatchObject({ code: 'AUTHENTICATION_ERROR' });
    expect((error as Error).message).not.toContain('wrong-service-token-value');
    expect(JSON.stringify(error)).not.toContain('wrong-service-token-value');
  });
});

describe('guest tokens against the emulator', () => {
  const minting = (options: { maxRetries?: number } = {}) =>
    createDatabrainClient({ apiKey: EMULATOR_API_KEY, baseUrl: emulator.url, retryDelay: 5, ...options });

  it('mints a token valid one hour by default, with its expiry by the local clock', async () => {
    const before = Date.now();
    const minted = await minting().createGuestToken({ dataAppName: EMULATOR_DATA_APP, clientId: 'acme' });
    const after = Date.now();
    expect(minted.expiresIn).toBe(3_600_000);
    expect(minted.expiresAt).toBeGreaterThanOrEqual(before + 3_600_000);
    expect(minted.expiresAt).toBeLessThanOrEqual(after + 3_600_000);
    expect(emulator.getTokenClaims(minted.token)).toMatchObject({
      clientId: 'acme',
      dataAppName: EMULATOR_DATA_APP,
    });
  });

  it('reports null expiry for a token that never expires, and sends no expiryTime', async () => {
    const minted = await minting().createGuestToken({
      dataAppName: EMULATOR_DATA_APP,
      clientId: 'acme',
      expiresIn: 'never',
    });
    expect(minted).toMatchObject({ expiresIn: null, expiresAt: null });
    expect(emulator.getTokenClaims(minted.token)?.expiresAt).toBeNull();
  });

  it('sends filters, permissions and a duration lifetime as DataBrain expects them', async () => {
    const minted = await minting().createGuestToken({
      dataAppName: EMULATOR_DATA_APP,
      clientId: 'acme',
      expiresIn: '30m',
      params: { appFilters: [{ metricId: 'revenue', values: { country: 'USA' } }] },
      permissions: { isShowSideBar: false },
    });
    expect(minted.expiresIn).toBe(30 * 60_000);
    const claims = emulator.getTokenClaims(minted.token);
    expect(claims?.params).toEqual({ appFilters: [{ metricId: 'revenue', values: { country: 'USA' } }] });
    expect(claims?.permissions).toEqual({ isShowSideBar: false });
  });

  it('validates the input before any request, naming the field', async () => {
    const before = emulator.requests.length;
    const error = await rejection(
      minting().createGuestToken({ dataAppName: EMULATOR_DATA_APP, clientId: '' }),
    );
    expect(error).toBeInstanceOf(DatabrainValidationError);
    expect((error as DatabrainValidationError).issues[0]?.path).toBe('clientId');
    expect(emulator.requests.length).toBe(before);
  });

  it('names the apiKey option when only a service token was configured', async () => {
    const error = await rejection(
      admin().createGuestToken({ dataAppName: EMULATOR_DATA_APP, clientId: 'acme' }),
    );
    expect((error as Error).message).toMatch(/createGuestToken needs the `apiKey` option/);
  });

  it.each([
    [{ dataAppName: 'other-app', clientId: 'a' }, 'DATA_APP_ID_ERROR', 404],
    [
      { dataAppName: EMULATOR_DATA_APP, clientId: 'a', params: { allowedEmbeds: ['nope'] } },
      'DASHBOARD_PARAM_ERROR',
      400,
    ],
    [
      {
        dataAppName: EMULATOR_DATA_APP,
        clientId: 'a',
        params: { appFilters: [{ metricId: 'nope', values: {} }] },
      },
      'APP_FILTER_PARAM_ERROR',
      400,
    ],
    [
      {
        dataAppName: EMULATOR_DATA_APP,
        clientId: 'a',
        params: { rlsSettings: [{ metricId: 'nope', values: {} }] },
      },
      'RLS_SETTINGS_PARAM_ERROR',
      400,
    ],
  ] satisfies [GuestTokenInput, string, number][])(
    'reports the emulator refusing %j as %s (%i)',
    async (input, code, status) => {
      await expect(minting().createGuestToken(input)).rejects.toMatchObject({ code, status });
    },
  );

  it('reports a wrong API key as AUTHENTICATION_ERROR (401)', async () => {
    const client = createDatabrainClient({ apiKey: 'not-a-real-key', baseUrl: emulator.url });
    await expect(
      client.createGuestToken({ dataAppName: EMULATOR_DATA_APP, clientId: 'a' }),
    ).rejects.toMatchObject({
      code: 'AUTHENTICATION_ERROR',
      status: 401,
    });
  });

  it('retries a 500 and a dropped connection, then succeeds', async () => {
    emulator.faults.add({ path: '/api/v2/guest-token/create', status: 500, times: 1 });
    emulator.faults.add({ path: '/api/v2/guest-token/create', drop: true, times: 1 });
    const minted = await minting().createGuestToken({ dataAppName: EMULATOR_DATA_APP, clientId: 'acme' });
    expect(emulator.getTokenClaims(minted.token)).toBeDefined();
  });
});
