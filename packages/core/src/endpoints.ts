/**
 * DataBrain's cloud API. Self-hosted installations serve the same paths
 * under their own origin.
 *
 * @example
 * ```ts
 * import { DATABRAIN_CLOUD_URL, DATABRAIN_ENDPOINTS } from '@databrain-embed/core';
 * const url = new URL(DATABRAIN_ENDPOINTS.guestToken, DATABRAIN_CLOUD_URL);
 * ```
 */
export const DATABRAIN_CLOUD_URL = 'https://api.usedatabrain.com' as const;

const guestTokenErrors = {
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
} as const;

const workspaceErrors = {
  INVALID_REQUEST_BODY: 400,
  WORKSPACE_NAME_ALREADY_EXISTS: 400,
  INVALID_DATASOURCE_NAME: 400,
  INVALID_DATAMART_NAME: 400,
  INVALID_LLM_NAME: 400,
  INVALID_AI_COPILOT_LLMS: 400,
  INVALID_THEME_NAME: 400,
  INVALID_DATA_APP_API_KEY: 401,
  INTERNAL_SERVER_ERROR: 500,
} as const;

const datasourceErrors = {
  INVALID_REQUEST_BODY: 400,
  DATASOURCE_NAME_ERROR: 400,
  CREDENTIAL_TEST_FAILED: 400,
  AUTHENTICATION_ERROR: 401,
  SCHEMA_CACHE_FAILED: 500,
  CREATE_DATASOURCE_FAILED: 500,
  INTERNAL_SERVER_ERROR: 500,
} as const;

// DataBrain documents AUTHENTICATION_ERROR as 400 here, unlike the 401 of the
// guest-token and datasource endpoints; the table keeps what is documented.
const apiTokenErrors = {
  INVALID_REQUEST_BODY: 400,
  DATA_APP_NOT_FOUND: 400,
  AUTHENTICATION_ERROR: 400,
  INTERNAL_SERVER_ERROR: 500,
} as const;

const dataAppListErrors = {
  AUTHENTICATION_ERROR: 400,
  INTERNAL_SERVER_ERROR: 500,
} as const;

// The data-app data endpoints below are called with the data app's API key.
// Where a page lists an error only by its description, the code is the one
// DataBrain uses for that description on its other data-app pages; where it
// gives a status only in its summary table, that status. See the core README
// ("Choices where the public docs are unclear") and docs/databrain-data-api.md.
const metricQueryErrors = {
  INVALID_REQUEST_BODY: 400,
  INVALID_DATA_APP_API_KEY: 400,
  INVALID_EMBED_ID: 400,
  EMBED_PARAM_ERROR: 400,
  INVALID_METRIC_ID: 400,
  DATASOURCE_NAME_ERROR: 400,
  INTERNAL_SERVER_ERROR: 500,
} as const;

const metricListErrors = {
  INVALID_REQUEST_BODY: 400,
  INVALID_DATA_APP_API_KEY: 401,
  EMBED_PARAM_ERROR: 404,
  INTERNAL_SERVER_ERROR: 500,
} as const;

const embedListErrors = {
  INVALID_REQUEST_BODY: 400,
  INVALID_DATA_APP_API_KEY: 400,
  INTERNAL_SERVER_ERROR: 500,
} as const;

const embedCreateErrors = {
  INVALID_REQUEST_BODY: 400,
  INVALID_DATA_APP_API_KEY: 400,
  INVALID_WORKSPACE_NAME: 404,
  INVALID_DASHBOARD_ID: 404,
  INVALID_METRIC_ID: 404,
  INVALID_DATAMART: 400,
  DATAMART_TABLE_NOT_FOUND: 400,
  INTERNAL_SERVER_ERROR: 500,
} as const;

/**
 * A credential DataBrain accepts: an organization-wide service token, or an
 * API key scoped to one data app.
 *
 * @example
 * ```ts
 * import type { DatabrainCredential } from '@databrain-embed/core';
 * const credential: DatabrainCredential = 'serviceToken';
 * ```
 */
export type DatabrainCredential = 'serviceToken' | 'dataAppApiKey';

/**
 * Whether repeating a call can create something twice: `idempotent` calls
 * (a guest token, a read) may be repeated after any failure, `unsafe` ones
 * (admin creates) only when DataBrain surely did not act.
 *
 * @example
 * ```ts
 * import type { DatabrainRetrySafety } from '@databrain-embed/core';
 * const safety: DatabrainRetrySafety = 'unsafe';
 * ```
 */
export type DatabrainRetrySafety = 'idempotent' | 'unsafe';

/**
 * The facts about one endpoint.
 *
 * @example
 * ```ts
 * import type { DatabrainEndpointFacts } from '@databrain-embed/core';
 * const facts: DatabrainEndpointFacts = {
 *   method: 'GET', path: '/api/v2/data-app', credential: 'serviceToken',
 *   errors: { INTERNAL_SERVER_ERROR: 500 }, retry: 'idempotent',
 * };
 * ```
 */
export interface DatabrainEndpointFacts {
  readonly method: 'GET' | 'POST';
  /** Relative to the base URL. */
  readonly path: string;
  /** Sent as `Authorization: Bearer <credential>`. */
  readonly credential: DatabrainCredential;
  /** Each documented error code with the HTTP status documented for it here. */
  readonly errors: Readonly<Record<string, number>>;
  readonly retry: DatabrainRetrySafety;
}

/**
 * Everything this library knows about each DataBrain endpoint it calls, in
 * one place: method, path, credential, documented errors and whether a retry
 * is safe. The client sends its calls by it and the emulator serves them by
 * it; {@link DATABRAIN_ENDPOINTS}, {@link DOCUMENTED_ERRORS} and
 * {@link CREDENTIALS} are views of it.
 *
 * Credentials:
 * - Guest token: the data-app API key, as DataBrain's token docs state; some
 *   samples send a service token instead, which is not documented as supported.
 * - Workspace and datasource: the service token. DataBrain's authentication
 *   sections for both say so, while other parts of the same pages mention a
 *   data-app API key. Creating workspaces and datasources is organization-wide
 *   work, which is what the service token is for, so we follow the
 *   authentication sections.
 * - API tokens (both paths) and the data-app list: the service token, which
 *   DataBrain documents explicitly (a data-app API key is rejected).
 * - The data-app data endpoints (`metricQuery`, `metricList`, `embedList`,
 *   `embedCreate`): the data app's API key, as their pages state.
 *
 * `apiTokensLegacy` is the camelCase alias DataBrain still documents but marks
 * as deprecated; prefer `apiTokens`. The data endpoints are listed by their
 * kebab-case paths only: their deprecated camelCase forms (`/api/v2/dataApp/…`)
 * differ in method and body too (a POST with a body where the new form is a
 * GET with a query), so they are not aliases this client could send instead.
 *
 * Retry: reading a metric's rows, the metric list and the embed list are
 * `idempotent` (the query is a POST, but it creates nothing); creating an
 * embed is `unsafe`.
 *
 * @example
 * ```ts
 * import { DATABRAIN_ENDPOINT_TABLE } from '@databrain-embed/core';
 * const { method, path, credential } = DATABRAIN_ENDPOINT_TABLE.workspace;
 * // 'POST', '/api/v2/workspace', 'serviceToken'
 * ```
 */
export const DATABRAIN_ENDPOINT_TABLE: {
  readonly guestToken: {
    readonly method: 'POST';
    readonly path: '/api/v2/guest-token/create';
    readonly credential: 'dataAppApiKey';
    readonly errors: typeof guestTokenErrors;
    readonly retry: 'idempotent';
  };
  readonly workspace: {
    readonly method: 'POST';
    readonly path: '/api/v2/workspace';
    readonly credential: 'serviceToken';
    readonly errors: typeof workspaceErrors;
    readonly retry: 'unsafe';
  };
  readonly datasource: {
    readonly method: 'POST';
    readonly path: '/api/v2/datasource';
    readonly credential: 'serviceToken';
    readonly errors: typeof datasourceErrors;
    readonly retry: 'unsafe';
  };
  readonly apiTokens: {
    readonly method: 'POST';
    readonly path: '/api/v2/data-app/api-tokens';
    readonly credential: 'serviceToken';
    readonly errors: typeof apiTokenErrors;
    readonly retry: 'unsafe';
  };
  readonly apiTokensLegacy: {
    readonly method: 'POST';
    readonly path: '/api/v2/dataApp/api-tokens';
    readonly credential: 'serviceToken';
    readonly errors: typeof apiTokenErrors;
    readonly retry: 'unsafe';
  };
  readonly dataApps: {
    readonly method: 'GET';
    readonly path: '/api/v2/data-app';
    readonly credential: 'serviceToken';
    readonly errors: typeof dataAppListErrors;
    readonly retry: 'idempotent';
  };
  readonly metricQuery: {
    readonly method: 'POST';
    readonly path: '/api/v2/data-app/query';
    readonly credential: 'dataAppApiKey';
    readonly errors: typeof metricQueryErrors;
    readonly retry: 'idempotent';
  };
  readonly metricList: {
    readonly method: 'GET';
    readonly path: '/api/v2/data-app/metrics';
    readonly credential: 'dataAppApiKey';
    readonly errors: typeof metricListErrors;
    readonly retry: 'idempotent';
  };
  readonly embedList: {
    readonly method: 'GET';
    readonly path: '/api/v2/data-app/embeds';
    readonly credential: 'dataAppApiKey';
    readonly errors: typeof embedListErrors;
    readonly retry: 'idempotent';
  };
  readonly embedCreate: {
    readonly method: 'POST';
    readonly path: '/api/v2/data-app/embeds';
    readonly credential: 'dataAppApiKey';
    readonly errors: typeof embedCreateErrors;
    readonly retry: 'unsafe';
  };
} = {
  // A repeat mints just another token.
  guestToken: {
    method: 'POST',
    path: '/api/v2/guest-token/create',
    credential: 'dataAppApiKey',
    errors: guestTokenErrors,
    retry: 'idempotent',
  },
  workspace: {
    method: 'POST',
    path: '/api/v2/workspace',
    credential: 'serviceToken',
    errors: workspaceErrors,
    retry: 'unsafe',
  },
  datasource: {
    method: 'POST',
    path: '/api/v2/datasource',
    credential: 'serviceToken',
    errors: datasourceErrors,
    retry: 'unsafe',
  },
  apiTokens: {
    method: 'POST',
    path: '/api/v2/data-app/api-tokens',
    credential: 'serviceToken',
    errors: apiTokenErrors,
    retry: 'unsafe',
  },
  apiTokensLegacy: {
    method: 'POST',
    path: '/api/v2/dataApp/api-tokens',
    credential: 'serviceToken',
    errors: apiTokenErrors,
    retry: 'unsafe',
  },
  dataApps: {
    method: 'GET',
    path: '/api/v2/data-app',
    credential: 'serviceToken',
    errors: dataAppListErrors,
    retry: 'idempotent',
  },
  // A POST that reads: a repeat runs the same query again.
  metricQuery: {
    method: 'POST',
    path: '/api/v2/data-app/query',
    credential: 'dataAppApiKey',
    errors: metricQueryErrors,
    retry: 'idempotent',
  },
  metricList: {
    method: 'GET',
    path: '/api/v2/data-app/metrics',
    credential: 'dataAppApiKey',
    errors: metricListErrors,
    retry: 'idempotent',
  },
  embedList: {
    method: 'GET',
    path: '/api/v2/data-app/embeds',
    credential: 'dataAppApiKey',
    errors: embedListErrors,
    retry: 'idempotent',
  },
  // A repeat after DataBrain acted would create a second embed.
  embedCreate: {
    method: 'POST',
    path: '/api/v2/data-app/embeds',
    credential: 'dataAppApiKey',
    errors: embedCreateErrors,
    retry: 'unsafe',
  },
};

/**
 * Paths of the DataBrain endpoints this library calls, relative to the base
 * URL: the `path` column of {@link DATABRAIN_ENDPOINT_TABLE}.
 *
 * @example
 * ```ts
 * import { DATABRAIN_ENDPOINTS } from '@databrain-embed/core';
 * await fetch(`${baseUrl}${DATABRAIN_ENDPOINTS.workspace}`, { method: 'POST', body, headers });
 * ```
 */
export const DATABRAIN_ENDPOINTS: {
  readonly guestToken: '/api/v2/guest-token/create';
  readonly workspace: '/api/v2/workspace';
  readonly datasource: '/api/v2/datasource';
  readonly apiTokens: '/api/v2/data-app/api-tokens';
  readonly apiTokensLegacy: '/api/v2/dataApp/api-tokens';
  readonly dataApps: '/api/v2/data-app';
  readonly metricQuery: '/api/v2/data-app/query';
  readonly metricList: '/api/v2/data-app/metrics';
  readonly embedList: '/api/v2/data-app/embeds';
  readonly embedCreate: '/api/v2/data-app/embeds';
} = {
  guestToken: DATABRAIN_ENDPOINT_TABLE.guestToken.path,
  workspace: DATABRAIN_ENDPOINT_TABLE.workspace.path,
  datasource: DATABRAIN_ENDPOINT_TABLE.datasource.path,
  apiTokens: DATABRAIN_ENDPOINT_TABLE.apiTokens.path,
  apiTokensLegacy: DATABRAIN_ENDPOINT_TABLE.apiTokensLegacy.path,
  dataApps: DATABRAIN_ENDPOINT_TABLE.dataApps.path,
  metricQuery: DATABRAIN_ENDPOINT_TABLE.metricQuery.path,
  metricList: DATABRAIN_ENDPOINT_TABLE.metricList.path,
  embedList: DATABRAIN_ENDPOINT_TABLE.embedList.path,
  embedCreate: DATABRAIN_ENDPOINT_TABLE.embedCreate.path,
};

/**
 * The name of one endpoint in {@link DATABRAIN_ENDPOINTS}.
 *
 * @example
 * ```ts
 * import type { DatabrainEndpoint } from '@databrain-embed/core';
 * const endpoint: DatabrainEndpoint = 'guestToken';
 * ```
 */
export type DatabrainEndpoint = keyof typeof DATABRAIN_ENDPOINTS;

/**
 * For each endpoint, the error codes DataBrain documents and the HTTP status
 * it documents for each. Statuses differ between endpoints for the same code,
 * so branch on the code and use this table only to check or emulate statuses.
 * The legacy api-tokens path shares the table of the new one. The `errors`
 * column of {@link DATABRAIN_ENDPOINT_TABLE}.
 *
 * @example
 * ```ts
 * import { DOCUMENTED_ERRORS } from '@databrain-embed/core';
 * DOCUMENTED_ERRORS.guestToken.EXPIRED_TOKEN; // 401
 * DOCUMENTED_ERRORS.apiTokens.AUTHENTICATION_ERROR; // 400
 * ```
 */
export const DOCUMENTED_ERRORS: {
  readonly guestToken: typeof guestTokenErrors;
  readonly workspace: typeof workspaceErrors;
  readonly datasource: typeof datasourceErrors;
  readonly apiTokens: typeof apiTokenErrors;
  readonly apiTokensLegacy: typeof apiTokenErrors;
  readonly dataApps: typeof dataAppListErrors;
  readonly metricQuery: typeof metricQueryErrors;
  readonly metricList: typeof metricListErrors;
  readonly embedList: typeof embedListErrors;
  readonly embedCreate: typeof embedCreateErrors;
} = {
  guestToken: DATABRAIN_ENDPOINT_TABLE.guestToken.errors,
  workspace: DATABRAIN_ENDPOINT_TABLE.workspace.errors,
  datasource: DATABRAIN_ENDPOINT_TABLE.datasource.errors,
  apiTokens: DATABRAIN_ENDPOINT_TABLE.apiTokens.errors,
  apiTokensLegacy: DATABRAIN_ENDPOINT_TABLE.apiTokensLegacy.errors,
  dataApps: DATABRAIN_ENDPOINT_TABLE.dataApps.errors,
  metricQuery: DATABRAIN_ENDPOINT_TABLE.metricQuery.errors,
  metricList: DATABRAIN_ENDPOINT_TABLE.metricList.errors,
  embedList: DATABRAIN_ENDPOINT_TABLE.embedList.errors,
  embedCreate: DATABRAIN_ENDPOINT_TABLE.embedCreate.errors,
};

/**
 * The HTTP status DataBrain documents for `code` on `endpoint`, or `undefined`
 * when that endpoint does not document the code.
 *
 * @example
 * ```ts
 * import { documentedStatus } from '@databrain-embed/core';
 * documentedStatus('datasource', 'DATASOURCE_NAME_ERROR'); // 400
 * documentedStatus('workspace', 'EXPIRED_TOKEN'); // undefined
 * ```
 */
export function documentedStatus(endpoint: DatabrainEndpoint, code: string): number | undefined {
  const table: Readonly<Record<string, number>> = DOCUMENTED_ERRORS[endpoint];
  return Object.hasOwn(table, code) ? table[code] : undefined;
}

/**
 * Which credential each endpoint is called with, sent as
 * `Authorization: Bearer <credential>`: the `credential` column of
 * {@link DATABRAIN_ENDPOINT_TABLE}, where the choice is explained.
 *
 * @example
 * ```ts
 * import { CREDENTIALS } from '@databrain-embed/core';
 * const bearer = CREDENTIALS.workspace === 'serviceToken' ? serviceToken : apiKey;
 * ```
 */
export const CREDENTIALS: {
  readonly guestToken: 'dataAppApiKey';
  readonly workspace: 'serviceToken';
  readonly datasource: 'serviceToken';
  readonly apiTokens: 'serviceToken';
  readonly apiTokensLegacy: 'serviceToken';
  readonly dataApps: 'serviceToken';
  readonly metricQuery: 'dataAppApiKey';
  readonly metricList: 'dataAppApiKey';
  readonly embedList: 'dataAppApiKey';
  readonly embedCreate: 'dataAppApiKey';
} = {
  guestToken: DATABRAIN_ENDPOINT_TABLE.guestToken.credential,
  workspace: DATABRAIN_ENDPOINT_TABLE.workspace.credential,
  datasource: DATABRAIN_ENDPOINT_TABLE.datasource.credential,
  apiTokens: DATABRAIN_ENDPOINT_TABLE.apiTokens.credential,
  apiTokensLegacy: DATABRAIN_ENDPOINT_TABLE.apiTokensLegacy.credential,
  dataApps: DATABRAIN_ENDPOINT_TABLE.dataApps.credential,
  metricQuery: DATABRAIN_ENDPOINT_TABLE.metricQuery.credential,
  metricList: DATABRAIN_ENDPOINT_TABLE.metricList.credential,
  embedList: DATABRAIN_ENDPOINT_TABLE.embedList.credential,
  embedCreate: DATABRAIN_ENDPOINT_TABLE.embedCreate.credential,
};
