import type {
  ApiTokenRequest,
  ApiTokenResponse,
  CreateEmbedRequest,
  CreateEmbedResponse,
  DatasourceRequest,
  DatasourceResponse,
  EmbedCatalog,
  EmbedListQuery,
  EmbedListResponse,
  GuestTokenInput,
  ListDataAppsQuery,
  ListDataAppsResponse,
  LooseCatalog,
  MetricListQuery,
  MetricListResponse,
  MetricQueryRequest,
  MetricQueryResponse,
  MetricRow,
  WorkspaceRequest,
  WorkspaceResponse,
} from '@databrain-embed/core';

/**
 * Per-call options of every {@link DatabrainClient} method.
 *
 * @example
 * ```ts
 * import type { DatabrainCallOptions } from '@databrain-embed/server';
 * const options: DatabrainCallOptions = { signal: AbortSignal.timeout(3_000) };
 * ```
 */
export interface DatabrainCallOptions {
  /** Cancels the call, including any wait between retries; it then fails with `ABORTED`. */
  signal?: AbortSignal | undefined;
  /**
   * `createGuestToken` with token reuse: a token the caller's embed reported
   * expired (`TOKEN_EXPIRED`). The answer is never this token; a fresh one
   * replaces it in the store.
   */
  expiredToken?: string | undefined;
}

/**
 * A guest token as {@link DatabrainClient.createGuestToken} returns it.
 *
 * @example
 * ```ts
 * import type { GuestToken } from '@databrain-embed/server';
 * const token: GuestToken = { token: '3f0c…', expiresIn: 3_600_000, expiresAt: Date.now() + 3_600_000 };
 * ```
 */
export interface GuestToken {
  /** The token for `<dbn-dashboard token>`; the only credential a browser may see. */
  token: string;
  /** Lifetime in milliseconds, or `null` when the token never expires. */
  expiresIn: number | null;
  /**
   * When the token expires, in epoch milliseconds by this server's clock at
   * the time DataBrain answered, or `null` when it never expires.
   */
  expiresAt: number | null;
}

/**
 * A DataBrain API client, from {@link createDatabrainClient}. Every method
 * validates its input before any request and throws a
 * `DatabrainValidationError` naming each invalid field; API failures throw a
 * `DatabrainApiError` whose `code` is DataBrain's (or `NETWORK_ERROR`,
 * `TIMEOUT`, `ABORTED`, `UNEXPECTED_RESPONSE`, `UNKNOWN_ERROR`).
 *
 * @example
 * ```ts
 * import { createDatabrainClient, type DatabrainClient } from '@databrain-embed/server';
 * const databrain: DatabrainClient = createDatabrainClient({ apiKey: process.env.DATABRAIN_API_KEY });
 * const { token } = await databrain.createGuestToken({ dataAppName: 'customer-portal', clientId: 'acme' });
 * ```
 */
export interface DatabrainClient {
  /**
   * Mints a guest token (data-app API key), valid one hour unless
   * `expiresIn` says otherwise. Retried on 5xx, 429, network errors and
   * timeouts. Pass a catalog from `defineEmbeds` as `C` to check embed and
   * filter names.
   */
  createGuestToken<C extends EmbedCatalog = LooseCatalog>(
    input: GuestTokenInput<C>,
    options?: DatabrainCallOptions,
  ): Promise<GuestToken>;
  /**
   * Creates a workspace (service token). Retried only when DataBrain surely
   * did not act: 429 or a connection that was never made.
   */
  createWorkspace(input: WorkspaceRequest, options?: DatabrainCallOptions): Promise<WorkspaceResponse>;
  /**
   * Creates a datasource; DataBrain tests the connection first (service
   * token). Retried like {@link DatabrainClient.createWorkspace}.
   */
  createDatasource(input: DatasourceRequest, options?: DatabrainCallOptions): Promise<DatasourceResponse>;
  /**
   * Creates an API key for a data app (service token); the key is returned
   * only once. Retried like {@link DatabrainClient.createWorkspace}.
   */
  createApiToken(input: ApiTokenRequest, options?: DatabrainCallOptions): Promise<ApiTokenResponse>;
  /** Lists the organization's data apps (service token). Retried like guest tokens. */
  listDataApps(query?: ListDataAppsQuery, options?: DatabrainCallOptions): Promise<ListDataAppsResponse>;
  /**
   * Runs one metric of an embed for one tenant and returns its rows (data-app
   * API key). `Row` types a row; each is checked only as a plain object.
   * Retried like guest tokens: the query creates nothing. `clientId` and the
   * filters decide what the tenant sees, so take them from your session,
   * never from a browser (`createMetricDataHandler` does this for you).
   */
  queryMetric<Row extends object = MetricRow>(
    input: MetricQueryRequest,
    options?: DatabrainCallOptions,
  ): Promise<MetricQueryResponse<Row>>;
  /** Lists the metrics one tenant may query in an embed (data-app API key). Retried like guest tokens. */
  listMetrics(query: MetricListQuery, options?: DatabrainCallOptions): Promise<MetricListResponse>;
  /** Lists the data app's embeds (data-app API key). Retried like guest tokens. */
  listEmbeds(query?: EmbedListQuery, options?: DatabrainCallOptions): Promise<EmbedListResponse>;
  /**
   * Makes a dashboard or a metric embeddable (data-app API key). Retried
   * like {@link DatabrainClient.createWorkspace}: a repeat could create a
   * second embed.
   */
  createEmbed(input: CreateEmbedRequest, options?: DatabrainCallOptions): Promise<CreateEmbedResponse>;
}
