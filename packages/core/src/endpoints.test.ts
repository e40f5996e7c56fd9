import { describe, expect, it } from 'vitest';
import {
  CREDENTIALS,
  DATABRAIN_CLOUD_URL,
  DATABRAIN_ENDPOINT_TABLE,
  DATABRAIN_ENDPOINTS,
  type DatabrainEndpoint,
  DOCUMENTED_ERRORS,
  documentedStatus,
} from './endpoints.ts';
import { isDatabrainApiErrorCode } from './errorCodes.ts';

const endpointNames = Object.keys(DATABRAIN_ENDPOINTS) as DatabrainEndpoint[];

describe('DATABRAIN_ENDPOINTS', () => {
  it('points at the documented cloud origin and v2 paths', () => {
    expect(DATABRAIN_CLOUD_URL).toBe('https://api.usedatabrain.com');
    expect(DATABRAIN_ENDPOINTS).toEqual({
      guestToken: '/api/v2/guest-token/create',
      workspace: '/api/v2/workspace',
      datasource: '/api/v2/datasource',
      apiTokens: '/api/v2/data-app/api-tokens',
      apiTokensLegacy: '/api/v2/dataApp/api-tokens',
      dataApps: '/api/v2/data-app',
      metricQuery: '/api/v2/data-app/query',
      metricList: '/api/v2/data-app/metrics',
      embedList: '/api/v2/data-app/embeds',
      embedCreate: '/api/v2/data-app/embeds',
    });
  });

  it('uses the kebab-case data-app paths, never the deprecated camelCase ones, for the data endpoints', () => {
    for (const endpoint of ['metricQuery', 'metricList', 'embedList', 'embedCreate'] as const) {
      expect(DATABRAIN_ENDPOINTS[endpoint]).toMatch(/^\/api\/v2\/data-app\//);
    }
  });

  it('tells the two embed endpoints on one path apart by method', () => {
    expect(DATABRAIN_ENDPOINT_TABLE.embedList.path).toBe(DATABRAIN_ENDPOINT_TABLE.embedCreate.path);
    expect(DATABRAIN_ENDPOINT_TABLE.embedList.method).toBe('GET');
    expect(DATABRAIN_ENDPOINT_TABLE.embedCreate.method).toBe('POST');
  });
});

describe('DATABRAIN_ENDPOINT_TABLE', () => {
  it('is the one source of paths, credentials and documented errors', () => {
    expect(Object.keys(DATABRAIN_ENDPOINT_TABLE)).toEqual(endpointNames);
    for (const endpoint of endpointNames) {
      const facts = DATABRAIN_ENDPOINT_TABLE[endpoint];
      expect(DATABRAIN_ENDPOINTS[endpoint], endpoint).toBe(facts.path);
      expect(CREDENTIALS[endpoint], endpoint).toBe(facts.credential);
      expect(DOCUMENTED_ERRORS[endpoint], endpoint).toBe(facts.errors);
    }
  });

  it('lets only calls that create nothing new when repeated be retried after DataBrain may have acted', () => {
    const retry = Object.fromEntries(
      endpointNames.map((name) => [name, DATABRAIN_ENDPOINT_TABLE[name].retry]),
    );
    expect(retry).toEqual({
      guestToken: 'idempotent',
      workspace: 'unsafe',
      datasource: 'unsafe',
      apiTokens: 'unsafe',
      apiTokensLegacy: 'unsafe',
      dataApps: 'idempotent',
      metricQuery: 'idempotent',
      metricList: 'idempotent',
      embedList: 'idempotent',
      embedCreate: 'unsafe',
    });
    expect(DATABRAIN_ENDPOINT_TABLE.dataApps.method).toBe('GET');
  });
});

describe('DOCUMENTED_ERRORS', () => {
  it('has a table for every endpoint and only documented codes in it', () => {
    expect(Object.keys(DOCUMENTED_ERRORS).sort()).toEqual([...endpointNames].sort());
    for (const endpoint of endpointNames) {
      for (const [code, status] of Object.entries(DOCUMENTED_ERRORS[endpoint])) {
        expect(isDatabrainApiErrorCode(code), `${endpoint}.${code}`).toBe(true);
        expect([400, 401, 403, 404, 429, 500]).toContain(status);
      }
    }
  });

  it('keeps the statuses the guest-token reference documents', () => {
    expect(DOCUMENTED_ERRORS.guestToken).toEqual({
      AUTHENTICATION_ERROR: 401,
      AUTHENTICATION_ERR: 401,
      INVALID_REQUEST_BODY: 400,
      CLIENT_ID_ERROR: 400,
      DATA_APP_ID_ERROR: 404,
      WORKSPACE_ID_ERROR: 404,
      DASHBOARD_PARAM_ERROR: 400,
      APP_FILTER_PARAM_ERROR: 400,
      RLS_SETTINGS_PARAM_ERROR: 400,
      INVALID_PERMISSIONS: 403,
      EXPIRED_TOKEN: 401,
      RATE_LIMIT_EXCEEDED: 429,
      INTERNAL_SERVER_ERROR: 500,
    });
  });

  it('keeps the statuses the workspace reference documents', () => {
    expect(DOCUMENTED_ERRORS.workspace).toEqual({
      INVALID_REQUEST_BODY: 400,
      WORKSPACE_NAME_ALREADY_EXISTS: 400,
      INVALID_DATASOURCE_NAME: 400,
      INVALID_DATAMART_NAME: 400,
      INVALID_LLM_NAME: 400,
      INVALID_AI_COPILOT_LLMS: 400,
      INVALID_THEME_NAME: 400,
      INVALID_DATA_APP_API_KEY: 401,
      INTERNAL_SERVER_ERROR: 500,
    });
  });

  it('keeps the statuses the datasource reference documents', () => {
    expect(DOCUMENTED_ERRORS.datasource).toEqual({
      INVALID_REQUEST_BODY: 400,
      DATASOURCE_NAME_ERROR: 400,
      CREDENTIAL_TEST_FAILED: 400,
      AUTHENTICATION_ERROR: 401,
      SCHEMA_CACHE_FAILED: 500,
      CREATE_DATASOURCE_FAILED: 500,
      INTERNAL_SERVER_ERROR: 500,
    });
  });

  it('documents AUTHENTICATION_ERROR as 400 on api-tokens, legacy path included, and on the data-app list', () => {
    const apiTokens = {
      INVALID_REQUEST_BODY: 400,
      DATA_APP_NOT_FOUND: 400,
      AUTHENTICATION_ERROR: 400,
      INTERNAL_SERVER_ERROR: 500,
    };
    expect(DOCUMENTED_ERRORS.apiTokens).toEqual(apiTokens);
    expect(DOCUMENTED_ERRORS.apiTokensLegacy).toEqual(apiTokens);
    expect(DOCUMENTED_ERRORS.dataApps).toEqual({ AUTHENTICATION_ERROR: 400, INTERNAL_SERVER_ERROR: 500 });
  });

  it("keeps the data endpoints' codes, with the statuses chosen where the pages give only a summary", () => {
    expect(DOCUMENTED_ERRORS.metricQuery).toEqual({
      INVALID_REQUEST_BODY: 400,
      INVALID_DATA_APP_API_KEY: 400,
      INVALID_EMBED_ID: 400,
      EMBED_PARAM_ERROR: 400,
      INVALID_METRIC_ID: 400,
      DATASOURCE_NAME_ERROR: 400,
      INTERNAL_SERVER_ERROR: 500,
    });
    expect(DOCUMENTED_ERRORS.metricList).toEqual({
      INVALID_REQUEST_BODY: 400,
      INVALID_DATA_APP_API_KEY: 401,
      EMBED_PARAM_ERROR: 404,
      INTERNAL_SERVER_ERROR: 500,
    });
    expect(DOCUMENTED_ERRORS.embedList).toEqual({
      INVALID_REQUEST_BODY: 400,
      INVALID_DATA_APP_API_KEY: 400,
      INTERNAL_SERVER_ERROR: 500,
    });
    expect(DOCUMENTED_ERRORS.embedCreate).toEqual({
      INVALID_REQUEST_BODY: 400,
      INVALID_DATA_APP_API_KEY: 400,
      INVALID_WORKSPACE_NAME: 404,
      INVALID_DASHBOARD_ID: 404,
      INVALID_METRIC_ID: 404,
      INVALID_DATAMART: 400,
      DATAMART_TABLE_NOT_FOUND: 400,
      INTERNAL_SERVER_ERROR: 500,
    });
  });
});

describe('documentedStatus', () => {
  it('returns the documented status for a code the endpoint lists', () => {
    expect(documentedStatus('guestToken', 'AUTHENTICATION_ERROR')).toBe(401);
    expect(documentedStatus('apiTokens', 'AUTHENTICATION_ERROR')).toBe(400);
    expect(documentedStatus('workspace', 'INVALID_DATA_APP_API_KEY')).toBe(401);
    expect(documentedStatus('datasource', 'DATASOURCE_NAME_ERROR')).toBe(400);
  });

  it('returns undefined for a code the endpoint does not list, including inherited object keys', () => {
    expect(documentedStatus('workspace', 'EXPIRED_TOKEN')).toBeUndefined();
    expect(documentedStatus('dataApps', 'toString')).toBeUndefined();
    expect(documentedStatus('guestToken', '')).toBeUndefined();
  });
});

describe('CREDENTIALS', () => {
  it('uses the data-app API key for guest tokens and data, the service token for admin endpoints', () => {
    expect(CREDENTIALS).toEqual({
      guestToken: 'dataAppApiKey',
      workspace: 'serviceToken',
      datasource: 'serviceToken',
      apiTokens: 'serviceToken',
      apiTokensLegacy: 'serviceToken',
      dataApps: 'serviceToken',
      metricQuery: 'dataAppApiKey',
      metricList: 'dataAppApiKey',
      embedList: 'dataAppApiKey',
      embedCreate: 'dataAppApiKey',
    });
  });
});
