import {
  type ApiTokenResponse,
  buildApiTokenRequest,
  buildDatasourceRequest,
  buildGuestTokenRequest,
  buildListDataAppsQuery,
  buildWorkspaceRequest,
  CREDENTIALS,
  DATABRAIN_ENDPOINTS,
  DatabrainApiError,
  type DatabrainEndpoint,
  DatabrainError,
  type DatasourceResponse,
  type ListDataAppsResponse,
  type WorkspaceResponse,
} from '@databrain-embed/core';
import { assertServerRuntime } from './assertServerRuntime.ts';
import { callWithRetries } from './callWithRetries.ts';
import type { DatabrainCallOptions, DatabrainClient, GuestToken } from './DatabrainClient.ts';
import type { DatabrainClientOptions } from './DatabrainClientOptions.ts';
import { type ResolvedClientOptions, resolveClientOptions } from './resolveClientOptions.ts';

type Method = keyof DatabrainClient;

function credentialFor(options: ResolvedClientOptions, endpoint: DatabrainEndpoint, method: Method): string {
  const needsApiKey = CREDENTIALS[endpoint] === 'dataAppApiKey';
  const value = needsApiKey ? options.apiKey : options.serviceToken;
  if (value !== undefined) return value;
  const option = needsApiKey ? 'apiKey' : 'serviceToken';
  const what = needsApiKey ? "the data app's API key" : "your organization's service token";
  throw new DatabrainError(
    'VALIDATION_ERROR',
    `${method} needs the \`${option}\` option (${what}); pass it to createDatabrainClient`,
  );
}

function unexpected(
  endpoint: DatabrainEndpoint,
  method: 'GET' | 'POST',
  expected: string,
): DatabrainApiError {
  return new DatabrainApiError({
    status: 200,
    code: 'UNEXPECTED_RESPONSE',
    message: `DataBrain answered without ${expected}`,
    endpoint: `${method} ${DATABRAIN_ENDPOINTS[endpoint]}`,
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

/**
 * Creates a DataBrain API client for your backend. Options are validated
 * once, here: a missing or malformed option throws a
 * `DatabrainValidationError` naming it (never echoing a key). Talks to
 * DataBrain cloud unless `baseUrl` points at a self-hosted installation.
 *
 * Throws when called in a browser page (both `window` and `document`
 * exist): the API key and service token must never reach the browser.
 *
 * Never logs. Every failure is thrown as a `DatabrainError`.
 *
 * @example
 * ```ts
 * import { createDatabrainClient } from '@databrain-embed/server';
 *
 * const databrain = createDatabrainClient({ apiKey: process.env.DATABRAIN_API_KEY });
 * const { token, expiresAt } = await databrain.createGuestToken({
 *   dataAppName: 'customer-portal',
 *   clientId: user.tenantId,
 *   expiresIn: 60 * 60 * 1000,
 * });
 * ```
 */
export function createDatabrainClient(options: DatabrainClientOptions): DatabrainClient {
  assertServerRuntime();
  const resolved = resolveClientOptions(options);

  // Admin creates: the credential is checked, then the input validated, both
  // before any request; never retried once DataBrain may have acted on them.
  const create = (
    method: Method,
    endpoint: DatabrainEndpoint,
    build: () => unknown,
    callOptions: DatabrainCallOptions | undefined,
  ): Promise<Record<string, unknown>> => {
    const bearer = credentialFor(resolved, endpoint, method);
    return callWithRetries(
      resolved,
      { method: 'POST', endpoint, bearer, body: build() },
      'unsafe',
      callOptions?.signal,
    );
  };

  return {
    async createGuestToken(input, callOptions): Promise<GuestToken> {
      const bearer = credentialFor(resolved, 'guestToken', 'createGuestToken');
      const body = buildGuestTokenRequest(input);
      const answer = await callWithRetries(
        resolved,
        { method: 'POST', endpoint: 'guestToken', bearer, body },
        'idempotent',
        callOptions?.signal,
      );
      if (!isNonEmptyString(answer.token)) throw unexpected('guestToken', 'POST', 'a token');
      const expiresIn = body.expiryTime ?? null;
      return {
        token: answer.token,
        expiresIn,
        expiresAt: expiresIn === null ? null : Date.now() + expiresIn,
      };
    },

    async createWorkspace(input, callOptions): Promise<WorkspaceResponse> {
      const answer = await create(
        'createWorkspace',
        'workspace',
        () => buildWorkspaceRequest(input),
        callOptions,
      );
      const data = answer.data;
      if (!isRecord(data) || !isNonEmptyString(data.name)) throw unexpected('workspace', 'POST', 'data.name');
      return { data: { name: data.name }, error: null };
    },

    async createDatasource(input, callOptions): Promise<DatasourceResponse> {
      const answer = await create(
        'createDatasource',
        'datasource',
        () => buildDatasourceRequest(input),
        callOptions,
      );
      if (!isNonEmptyString(answer.name)) throw unexpected('datasource', 'POST', 'a name');
      return { name: answer.name };
    },

    async createApiToken(input, callOptions): Promise<ApiTokenResponse> {
      const answer = await create(
        'createApiToken',
        'apiTokens',
        () => buildApiTokenRequest(input),
        callOptions,
      );
      if (!isNonEmptyString(answer.key)) throw unexpected('apiTokens', 'POST', 'a key');
      return { key: answer.key };
    },

    async listDataApps(query, callOptions): Promise<ListDataAppsResponse> {
      const bearer = credentialFor(resolved, 'dataApps', 'listDataApps');
      const search = new URLSearchParams(buildListDataAppsQuery(query));
      const answer = await callWithRetries(
        resolved,
        { method: 'GET', endpoint: 'dataApps', bearer, query: search },
        'idempotent',
        callOptions?.signal,
      );
      if (!Array.isArray(answer.data) || !answer.data.every(isRecord)) {
        throw unexpected('dataApps', 'GET', 'a data array');
      }
      return { data: answer.data as unknown as ListDataAppsResponse['data'] };
    },
  };
}
