import { describe, expect, it } from 'vitest';
import * as guards from './guards.ts';
import * as core from './index.ts';
import * as internal from './internal.ts';
import * as tokenEndpoint from './tokenEndpoint.ts';

describe('@databrain-embed/core public API', () => {
  it('exports exactly these runtime names, so nothing leaks or vanishes by accident', () => {
    expect(Object.keys(core).sort()).toEqual([
      'CREDENTIALS',
      'DATABRAIN_API_ERROR_CODES',
      'DATABRAIN_CLIENT_ERROR_CODES',
      'DATABRAIN_CLOUD_URL',
      'DATABRAIN_ENDPOINTS',
      'DATABRAIN_ENDPOINT_TABLE',
      'DATABRAIN_REACT_ERROR_CODES',
      'DATASOURCE_TYPES',
      'DEFAULT_TOKEN_LIFETIME_MS',
      'DOCUMENTED_ERRORS',
      'DatabrainApiError',
      'DatabrainError',
      'DatabrainValidationError',
      'METRIC_CREATION_MODES',
      'PERMISSIONS',
      'SECRET_CREDENTIAL_FIELDS',
      'WORKSPACE_CONNECTION_TYPES',
      'WORKSPACE_SUMMARY_TYPES',
      'apiTokenRequestSchema',
      'appFilter',
      'appFilterSchema',
      'buildApiTokenRequest',
      'buildCreateEmbedRequest',
      'buildDatasourceRequest',
      'buildEmbedListQuery',
      'buildGuestTokenRequest',
      'buildListDataAppsQuery',
      'buildMetricListQuery',
      'buildMetricQueryRequest',
      'buildWorkspaceRequest',
      'createEmbedRequestSchema',
      'createEmbedResponseSchema',
      'dashboardAppFilter',
      'dashboardAppFilterSchema',
      'datasourceRequestSchema',
      'dateRange',
      'defineEmbeds',
      'documentedStatus',
      'embedListResponseSchema',
      'expiresInSchema',
      'filterValueSchema',
      'filterValuesSchema',
      'guestTokenParamsSchema',
      'guestTokenRequestSchema',
      'isDatabrainApiErrorCode',
      'isDatabrainError',
      'isIanaTimeZone',
      'metricListResponseSchema',
      'metricQueryFiltersSchema',
      'metricQueryRequestSchema',
      'metricQueryResponseSchema',
      'numberRange',
      'parseErrorBody',
      'parseGuestTokenRequest',
      'parseMetricQueryResponse',
      'permissions',
      'permissionsSchema',
      'redactSecrets',
      'sqlFilter',
      'toExpiryTime',
      'workspaceRequestSchema',
    ]);
  });

  it('keeps the internal entry to the schema helpers the other packages build with', () => {
    expect(Object.keys(internal).sort()).toEqual([
      'closedObject',
      'composeMetricQuery',
      'isRecord',
      'parseMetricDataRequest',
      'plainData',
      'requiredText',
      'toValidationIssues',
      'validate',
      'z',
    ]);
  });

  it('keeps the zod-free guards entry to the shared runtime checks, the same functions internal gives', () => {
    expect(Object.keys(guards).sort()).toEqual(['isPlainObject', 'isRecord']);
    expect(internal.isRecord).toBe(guards.isRecord);
  });

  it('keeps the zod-free token-endpoint entry to the wire contract', () => {
    expect(Object.keys(tokenEndpoint).sort()).toEqual(['EXPIRED_TOKEN_HEADER', 'TOKEN_ENDPOINT_ERROR_CODES']);
  });

  it('exports no undefined value', () => {
    for (const [name, value] of Object.entries(core)) expect(value, name).toBeDefined();
  });
});
