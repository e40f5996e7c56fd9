import {
  buildCreateEmbedRequest,
  buildEmbedListQuery,
  buildMetricListQuery,
  buildMetricQueryRequest,
  type CreateEmbedResponse,
  createEmbedResponseSchema,
  type DatabrainEndpoint,
  type EmbedListResponse,
  embedListResponseSchema,
  type MetricListResponse,
  type MetricQueryRequest,
  type MetricQueryResponse,
  type MetricRow,
  metricListResponseSchema,
  metricQueryResponseSchema,
} from '@databrain-embed/core';
import { callWithRetries } from './callWithRetries.ts';
import type { DatabrainCallOptions, DatabrainClient } from './DatabrainClient.ts';
import type { ResolvedClientOptions } from './resolveClientOptions.ts';

/** The client's methods for the data app's data endpoints (its API key). */
export type DataAppMethods = Pick<
  DatabrainClient,
  'queryMetric' | 'listMetrics' | 'listEmbeds' | 'createEmbed'
>;

type Method = keyof DataAppMethods;

/** A schema's `safeParse`, as the reader of a success body: the value, or `undefined` when it does not fit. */
type Reader<T> = (body: Record<string, unknown>) => T | undefined;
const readerOf =
  <T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }): Reader<T> =>
  (body) => {
    const result = schema.safeParse(body);
    return result.success ? result.data : undefined;
  };

const readQuery = readerOf<MetricQueryResponse>(metricQueryResponseSchema);
const readMetrics = readerOf<MetricListResponse>(metricListResponseSchema);
const readEmbeds = readerOf<EmbedListResponse>(embedListResponseSchema);
const readCreated = readerOf<CreateEmbedResponse>(createEmbedResponseSchema);

/**
 * Builds `queryMetric`, `listMetrics`, `listEmbeds` and `createEmbed` of one
 * client: each checks its credential (the data app's API key, found by
 * `bearerFor`) and validates its input before any request, then calls
 * DataBrain with the client's timeouts, retries (as the endpoint table
 * allows), size cap and secret scrubbing, and reads the answer with core's
 * schema (an answer that does not fit is `UNEXPECTED_RESPONSE`).
 */
export function createDataAppMethods(
  options: ResolvedClientOptions,
  bearerFor: (endpoint: DatabrainEndpoint, method: Method) => string,
): DataAppMethods {
  const send = <T>(
    bearer: string,
    endpoint: DatabrainEndpoint,
    input: { body: unknown } | { query: Record<string, string> },
    expected: string,
    read: Reader<T>,
    callOptions: DatabrainCallOptions | undefined,
  ): Promise<T> =>
    callWithRetries(
      options,
      {
        endpoint,
        bearer,
        ...('body' in input ? { body: input.body } : { query: new URLSearchParams(input.query) }),
        expected,
        read,
      },
      callOptions?.signal,
    );

  // Each method checks its credential first, as every other call of the
  // client: a missing key is reported before a bad input. All are async, so
  // every failure, validation included, is a rejected promise.
  return {
    async queryMetric<Row extends object = MetricRow>(
      input: MetricQueryRequest,
      callOptions?: DatabrainCallOptions,
    ): Promise<MetricQueryResponse<Row>> {
      const bearer = bearerFor('metricQuery', 'queryMetric');
      const body = buildMetricQueryRequest(input);
      const answer = await send(
        bearer,
        'metricQuery',
        { body },
        'a data list of rows',
        readQuery,
        callOptions,
      );
      // The caller's `Row`: the schema checked each row as a plain object, no more.
      return answer as unknown as MetricQueryResponse<Row>;
    },

    async listMetrics(query, callOptions) {
      const bearer = bearerFor('metricList', 'listMetrics');
      const search = buildMetricListQuery(query);
      return send(
        bearer,
        'metricList',
        { query: search },
        'a data list of metrics',
        readMetrics,
        callOptions,
      );
    },

    async listEmbeds(query, callOptions) {
      const bearer = bearerFor('embedList', 'listEmbeds');
      const search = buildEmbedListQuery(query);
      return send(bearer, 'embedList', { query: search }, 'a data list of embeds', readEmbeds, callOptions);
    },

    async createEmbed(input, callOptions) {
      const bearer = bearerFor('embedCreate', 'createEmbed');
      const body = buildCreateEmbedRequest(input);
      return send(bearer, 'embedCreate', { body }, 'an id', readCreated, callOptions);
    },
  };
}
