import { DATABRAIN_ENDPOINTS, DOCUMENTED_ERRORS } from '@databrain-embed/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../startEmulator.ts';
import { apiKey, postJson, readAnswer, serviceToken } from '../testKit.test.helpers.ts';
import { FAILING_CREDENTIAL } from './datasourceRoute.ts';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(() => emulator.close());

const at = (path: string) => `${emulator.url}${path}`;
const pgCredentials = (name: string, password = 'pg-password-123') => ({
  name,
  host: 'db.example.com',
  port: 5432,
  username: 'dbuser',
  password,
  database: 'analytics',
  schema: 'public',
});

describe('POST /api/v2/workspace', () => {
  const url = () => at(DATABRAIN_ENDPOINTS.workspace);

  it('creates a workspace and answers { data: { name }, error: null }', async () => {
    const answer = await postJson(
      url(),
      { name: 'ws-ok', connectionType: 'DATASOURCE', datasourceName: 'warehouse' },
      serviceToken,
    );
    expect(answer).toMatchObject({ status: 200, body: { data: { name: 'ws-ok' }, error: null } });
  });

  it('accepts a datamart workspace with the seeded llm and theme', async () => {
    const answer = await postJson(
      url(),
      {
        name: 'ws-mart',
        connectionType: 'DATAMART',
        datamartName: 'sales-mart',
        llmName: 'gpt-4o',
        aiCopilotLlms: ['gpt-4o'],
        themeName: 'default',
      },
      serviceToken,
    );
    expect(answer.status).toBe(200);
  });

  it.each([
    ['WORKSPACE_NAME_ALREADY_EXISTS', { name: 'ws-ok', connectionType: 'MULTI_DATASOURCE' }],
    ['INVALID_DATASOURCE_NAME', { name: 'ws-1', connectionType: 'DATASOURCE', datasourceName: 'Warehouse' }],
    ['INVALID_DATAMART_NAME', { name: 'ws-2', connectionType: 'DATAMART', datamartName: 'nope' }],
    ['INVALID_LLM_NAME', { name: 'ws-3', connectionType: 'MULTI_DATAMART', llmName: 'nope' }],
    [
      'INVALID_AI_COPILOT_LLMS',
      { name: 'ws-4', connectionType: 'MULTI_DATAMART', aiCopilotLlms: ['gpt-4o', 'nope'] },
    ],
    ['INVALID_THEME_NAME', { name: 'ws-5', connectionType: 'MULTI_DATAMART', themeName: 'nope' }],
    ['INVALID_REQUEST_BODY', { name: 'ws-6', connectionType: 'SOMETHING' }],
  ] as const)('answers %s with its documented status', async (code, body) => {
    const answer = await postJson(url(), body, serviceToken);
    expect(answer.status).toBe(DOCUMENTED_ERRORS.workspace[code]);
    expect(answer.body).toEqual({ error: { code, message: expect.any(String) } });
  });

  it('rejects a data-app API key with 401 INVALID_DATA_APP_API_KEY, saying a service token is needed', async () => {
    const answer = await postJson(url(), { name: 'ws-7', connectionType: 'MULTI_DATAMART' }, apiKey);
    expect(answer).toMatchObject({ status: 401, body: { error: { code: 'INVALID_DATA_APP_API_KEY' } } });
    expect(JSON.stringify(answer.body)).toMatch(/service token/);
    expect(JSON.stringify(answer.body)).not.toContain(apiKey);
  });

  it('rejects a missing or unknown credential with 401', async () => {
    expect((await postJson(url(), { name: 'ws-8', connectionType: 'MULTI_DATAMART' }, null)).status).toBe(
      401,
    );
    expect(
      (await postJson(url(), { name: 'ws-8', connectionType: 'MULTI_DATAMART' }, 'who-knows')).status,
    ).toBe(401);
  });
});

describe('POST /api/v2/datasource', () => {
  const url = () => at(DATABRAIN_ENDPOINTS.datasource);

  it('creates a datasource and answers { name } only', async () => {
    const answer = await postJson(
      url(),
      { datasourceType: 'postgres', credentials: pgCredentials('pg-new') },
      serviceToken,
    );
    expect(answer).toEqual(expect.objectContaining({ status: 200, body: { name: 'pg-new' } }));
  });

  it('lets a workspace use a datasource created through the API', async () => {
    await postJson(
      url(),
      { datasourceType: 'postgres', credentials: pgCredentials('pg-for-ws') },
      serviceToken,
    );
    const answer = await postJson(
      at(DATABRAIN_ENDPOINTS.workspace),
      { name: 'ws-pg', connectionType: 'DATASOURCE', datasourceName: 'pg-for-ws' },
      serviceToken,
    );
    expect(answer.status).toBe(200);
  });

  it('answers DATASOURCE_NAME_ERROR for a name already taken', async () => {
    const answer = await postJson(
      url(),
      { datasourceType: 'postgres', credentials: pgCredentials('warehouse') },
      serviceToken,
    );
    expect(answer).toMatchObject({
      status: DOCUMENTED_ERRORS.datasource.DATASOURCE_NAME_ERROR,
      body: { error: { code: 'DATASOURCE_NAME_ERROR' } },
    });
  });

  it('fails the credential test for the documented failing password, without echoing it', async () => {
    const answer = await postJson(
      url(),
      { datasourceType: 'postgres', credentials: pgCredentials('pg-bad', FAILING_CREDENTIAL) },
      serviceToken,
    );
    expect(answer).toMatchObject({ status: 400, body: { error: { code: 'CREDENTIAL_TEST_FAILED' } } });
    expect(JSON.stringify(answer.body)).not.toContain(FAILING_CREDENTIAL);
  });

  it('answers INVALID_REQUEST_BODY for a wrong credential shape, without echoing the password', async () => {
    const credentials = { ...pgCredentials('pg-shape', 's3cr3t-value'), port: 'not-a-port' };
    const answer = await postJson(url(), { datasourceType: 'postgres', credentials }, serviceToken);
    expect(answer).toMatchObject({ status: 400, body: { error: { code: 'INVALID_REQUEST_BODY' } } });
    expect(JSON.stringify(answer.body)).toContain('credentials.port');
    expect(JSON.stringify(answer.body)).not.toContain('s3cr3t-value');
  });

  it('answers AUTHENTICATION_ERROR 401 for a missing token and for a data-app API key', async () => {
    const body = { datasourceType: 'postgres', credentials: pgCredentials('pg-auth') };
    const missing = await postJson(url(), body, null);
    const wrongKind = await postJson(url(), body, apiKey);
    expect(missing).toMatchObject({ status: 401, body: { error: { code: 'AUTHENTICATION_ERROR' } } });
    expect(wrongKind).toMatchObject({ status: 401, body: { error: { code: 'AUTHENTICATION_ERROR' } } });
    expect(JSON.stringify(wrongKind.body)).toMatch(/service token/);
  });
});

describe('POST /api/v2/data-app/api-tokens (and the legacy path)', () => {
  it.each([DATABRAIN_ENDPOINTS.apiTokens, DATABRAIN_ENDPOINTS.apiTokensLegacy])(
    '%s creates a UUID key that then mints guest tokens for the app',
    async (path) => {
      const answer = await postJson(at(path), { dataAppName: 'demo-app', name: 'CI key' }, serviceToken);
      expect(answer.status).toBe(200);
      const { key } = answer.body as { key: string };
      expect(answer.body).toEqual({ key: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      const minted = await postJson(
        at(DATABRAIN_ENDPOINTS.guestToken),
        { clientId: 'acme', dataAppName: 'demo-app' },
        key,
      );
      expect(minted.status).toBe(200);
    },
  );

  it('answers DATA_APP_NOT_FOUND (400) for an unknown data app', async () => {
    const answer = await postJson(
      at(DATABRAIN_ENDPOINTS.apiTokens),
      { dataAppName: 'ghost', name: 'k' },
      serviceToken,
    );
    expect(answer).toMatchObject({ status: 400, body: { error: { code: 'DATA_APP_NOT_FOUND' } } });
  });

  it('answers INVALID_REQUEST_BODY when name is missing', async () => {
    const answer = await postJson(
      at(DATABRAIN_ENDPOINTS.apiTokens),
      { dataAppName: 'demo-app' },
      serviceToken,
    );
    expect(answer).toMatchObject({ status: 400, body: { error: { code: 'INVALID_REQUEST_BODY' } } });
  });

  it('answers AUTHENTICATION_ERROR with the documented 400 for an API key or no credential', async () => {
    for (const credential of [apiKey, null, 'unknown-token']) {
      const answer = await postJson(
        at(DATABRAIN_ENDPOINTS.apiTokens),
        { dataAppName: 'demo-app', name: 'k' },
        credential,
      );
      expect(answer).toMatchObject({ status: 400, body: { error: { code: 'AUTHENTICATION_ERROR' } } });
    }
  });
});

describe('GET /api/v2/data-app', () => {
  it('lists data apps with their embeds as DataBrain does', async () => {
    const response = await fetch(at(DATABRAIN_ENDPOINTS.dataApps), {
      headers: { authorization: `Bearer ${serviceToken}` },
    });
    const { status, body } = await readAnswer(response);
    expect(status).toBe(200);
    expect(body).toEqual({
      data: [
        {
          name: 'demo-app',
          type: 'embedded',
          createdAt: expect.any(String),
          updatedAt: expect.any(String),
          embedCount: 4,
          embeds: expect.arrayContaining([
            {
              name: 'Sales overview',
              embedId: 'sales-overview',
              createdAt: expect.any(String),
              updatedAt: expect.any(String),
            },
          ]),
        },
      ],
    });
  });

  it('pages ten data apps at a time', async () => {
    const dataApps = Array.from({ length: 12 }, (_, index) => ({
      name: `app-${index}`,
      apiKeys: [],
      embeds: [],
    }));
    const many = await startEmulator({
      port: 0,
      includeDefaultSeed: false,
      seed: { dataApps, serviceTokens: ['st'] },
    });
    try {
      const page = async (query: string) => {
        const response = await fetch(`${many.url}/api/v2/data-app?${query}`, {
          headers: { authorization: 'Bearer st' },
        });
        return ((await response.json()) as { data: { name: string }[] }).data.map((app) => app.name);
      };
      expect(await page('isPagination=true&pageNumber=1')).toHaveLength(10);
      expect(await page('isPagination=true&pageNumber=2')).toEqual(['app-10', 'app-11']);
      expect(await page('isPagination=false')).toHaveLength(12);
    } finally {
      await many.close();
    }
  });

  it('answers AUTHENTICATION_ERROR (400) without a service token', async () => {
    const response = await fetch(at(DATABRAIN_ENDPOINTS.dataApps), {
      headers: { authorization: `Bearer ${apiKey}` },
    });
    expect(await readAnswer(response)).toMatchObject({
      status: 400,
      body: { error: { code: 'AUTHENTICATION_ERROR' } },
    });
  });
});
