import {
  type ApiTokenResponse,
  buildApiTokenRequest,
  buildDatasourceRequest,
  buildGuestTokenRequest,
  buildListDataAppsQuery,
  buildWorkspaceRequest,
  DATABRAIN_ENDPOINT_TABLE,
  type DatabrainEndpoint,
  DatabrainValidationError,
  type DatasourceResponse,
  type ListDataAppsResponse,
  type WorkspaceResponse,
} from '@databrain-embed/core';
import { isRecord } from '@databrain-embed/core/internal';
import { assertServerRuntime } from './assertServerRuntime.ts';
import { callWithRetries } from './callWithRetries.ts';
import { createTokenReuse } from './createTokenReuse.ts';
import type { DatabrainCallOptions, DatabrainClient, GuestToken } from './DatabrainClient.ts';
import type { DatabrainClientOptions } from './DatabrainClientOptions.ts';
import { ENVIRONMENT_VARIABLES, readEnvironment } from './readEnvironment.ts';
import { type ResolvedClientOptions, resolveClientOptions } from './resolveClientOptions.ts';

type Method = keyof DatabrainClient;

/**
 * The credential `endpoint` is called with: the option, else its environment
 * variable, read now rather than when the client was created, so a module
 * that creates the client while the app is built (with no secrets around)
 * works once the app runs with them.
 */
function credentialFor(options: ResolvedClientOptions, endpoint: DatabrainEndpoint, method: Method): string {
  const option =
    DATABRAIN_ENDPOINT_TABLE[endpoint].credential === 'dataAppApiKey' ? 'apiKey' : 'serviceToken';
  const given = options[option];
  if (given !== undefined) return given;
  const variable = ENVIRONMENT_VARIABLES[option];
  const fromEnvironment = readEnvironment(variable);
  // The option is named as the field, the variable in the rule.
  const invalid = (rule: string) =>
    new DatabrainValidationError(`${method} call`, [{ path: option, message: rule }]);
  if (fromEnvironment === undefined) {
    const what = option === 'apiKey' ? "the data app's API key" : "your organization's service token";
    throw invalid(
      `is missing, and ${method} needs the \`${option}\` option (${what}): pass it to createDatabrainClient or set the ${variable} environment variable`,
    );
  }
  if (fromEnvironment !== fromEnvironment.trim()) {
    throw invalid(
      `comes from the ${variable} environment variable here, which must not start or end with whitespace`,
    );
  }
  return fromEnvironment;
}

/** `value` when it is a non-empty string, otherwise `undefined`. */
function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Creates a DataBrain API client for your backend. Options are validated
 * once, here: a malformed option throws a `DatabrainValidationError` naming
 * it (never echoing a key). Talks to DataBrain cloud unless `baseUrl` (or
 * the `DATABRAIN_API_URL` environment variable) points at a self-hosted
 * installation.
 *
 * Credentials left out are read from `DATABRAIN_API_KEY` and
 * `DATABRAIN_SERVICE_TOKEN` when a call needs them, not at creation: a
 * module that creates the client can be evaluated where no secret exists (as
 * `next build` does). A call whose credential is found nowhere fails with a
 * `DatabrainValidationError` whose issue names the option and the variable.
 *
 * Throws (`SERVER_ONLY`) when called in a browser page (both `window` and
 * `document` exist): the API key and service token must never reach the
 * browser.
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
export function createDatabrainClient(options: DatabrainClientOptions = {}): DatabrainClient {
  assertServerRuntime();
  const resolved = resolveClientOptions(options);
  const reuse =
    resolved.tokenReuse === undefined ? undefined : createTokenReuse(resolved.tokenReuse, resolved);

  // Admin creates: the credential is checked, then the input validated, both
  // before any request; retried only as the endpoint table allows.
  const create = <T>(
    method: Method,
    endpoint: DatabrainEndpoint,
    build: () => unknown,
    expected: string,
    read: (answer: Record<string, unknown>) => T | undefined,
    callOptions: DatabrainCallOptions | undefined,
  ): Promise<T> => {
    const bearer = credentialFor(resolved, endpoint, method);
    return callWithRetries(
      resolved,
      { endpoint, bearer, body: build(), expected, read },
      callOptions?.signal,
    );
  };

  return {
    async createGuestToken(input, callOptions): Promise<GuestToken> {
      const bearer = credentialFor(resolved, 'guestToken', 'createGuestToken');
      const body = buildGuestTokenRequest(input);
      const mint = async (signal: AbortSignal | undefined): Promise<GuestToken> => {
        const token = await callWithRetries(
          resolved,
          {
            endpoint: 'guestToken',
            bearer,
            body,
            expected: 'a token',
            read: (answer) => nonEmptyString(answer.token),
          },
          signal,
        );
        const expiresIn = body.expiryTime ?? null;
        return { token, expiresIn, expiresAt: expiresIn === null ? null : Date.now() + expiresIn };
      };
      const signal = callOptions?.signal;
      if (reuse === undefined) return mint(signal);
      return reuse.createGuestToken(body, mint, signal, callOptions?.expiredToken);
    },

    async createWorkspace(input, callOptions): Promise<WorkspaceResponse> {
      const name = await create(
        'createWorkspace',
        'workspace',
        () => buildWorkspaceRequest(input),
        'data.name',
        (answer) => (isRecord(answer.data) ? nonEmptyString(answer.data.name) : undefined),
        callOptions,
      );
      return { data: { name }, error: null };
    },

    async createDatasource(input, callOptions): Promise<DatasourceResponse> {
      const name = await create(
        'createDatasource',
        'datasource',
        () => buildDatasourceRequest(input),
        'a name',
        (answer) => nonEmptyString(answer.name),
        callOptions,
      );
      return { name };
    },

    async createApiToken(input, callOptions): Promise<ApiTokenResponse> {
      const key = await create(
        'createApiToken',
        'apiTokens',
        () => buildApiTokenRequest(input),
        'a key',
        (answer) => nonEmptyString(answer.key),
        callOptions,
      );
      return { key };
    },

    async listDataApps(query, callOptions): Promise<ListDataAppsResponse> {
      const bearer = credentialFor(resolved, 'dataApps', 'listDataApps');
      const search = new URLSearchParams(buildListDataAppsQuery(query));
      const data = await callWithRetries(
        resolved,
        {
          endpoint: 'dataApps',
          bearer,
          query: search,
          expected: 'a data array',
          read: (answer) =>
            Array.isArray(answer.data) && answer.data.every(isRecord)
              ? (answer.data as unknown as ListDataAppsResponse['data'])
              : undefined,
        },
        callOptions?.signal,
      );
      return { data };
    },
  };
}
