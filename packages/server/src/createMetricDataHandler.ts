import {
  DatabrainApiError,
  isDatabrainError,
  type MetricData,
  type MetricQueryFilters,
  type MetricQueryRequest,
} from '@databrain-embed/core';
import { composeMetricQuery, isRecord, parseMetricDataRequest } from '@databrain-embed/core/internal';
import { abortedError } from './abortedError.ts';
import { createRequestBudget } from './createRequestBudget.ts';
import { createSharedAnswers } from './createSharedAnswers.ts';
import type {
  MetricDataGrant,
  MetricDataHandlerOptions,
  MetricDataQuery,
} from './MetricDataHandlerOptions.ts';
import { metricDataCacheKey } from './metricDataCacheKey.ts';
import { clampRetryAfterSeconds } from './parseRetryAfter.ts';
import { readRequestJson } from './readRequestJson.ts';
import { resolveMetricDataHandlerOptions } from './resolveMetricDataHandlerOptions.ts';

/**
 * The JSON body of a failed answer from a {@link createMetricDataHandler} handler.
 *
 * @example
 * ```ts
 * import type { MetricDataHandlerErrorBody } from '@databrain-embed/server';
 * const body: MetricDataHandlerErrorBody = { error: { code: 'RATE_LIMITED', message: 'Too many requests.' } };
 * ```
 */
export interface MetricDataHandlerErrorBody {
  error: {
    code:
      | 'METHOD_NOT_ALLOWED'
      | 'BAD_REQUEST'
      | 'PAYLOAD_TOO_LARGE'
      | 'UNAUTHORIZED'
      | 'RATE_LIMITED'
      | 'NOT_FOUND'
      | 'UPSTREAM_BUSY'
      | 'UPSTREAM_ERROR'
      | 'INTERNAL_ERROR';
    message: string;
  };
}

// DataBrain's answers for a metric or embed that is not there (or not this data app's).
const NOT_FOUND_CODES: ReadonlySet<string> = new Set([
  'INVALID_EMBED_ID',
  'EMBED_PARAM_ERROR',
  'INVALID_METRIC_ID',
]);

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${error.message} (${code})` : error.message;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    // One user's rows: never kept by a shared cache.
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

function failure(
  status: number,
  error: MetricDataHandlerErrorBody['error'],
  headers?: Record<string, string>,
): Response {
  const body: MetricDataHandlerErrorBody = { error };
  return json(status, body, headers);
}

/** The browser's filters the handler allows, each under the target it names; the rest dropped. */
function allowedFilters(
  filters: MetricQueryFilters,
  allowed: ReadonlyMap<string, 'metricFilter' | 'dashboardFilter'>,
): { kept: MetricQueryFilters; metricFilter: MetricQueryFilters; dashboardFilter: MetricQueryFilters } {
  const kept: Record<string, MetricQueryFilters[string]> = {};
  const metricFilter: Record<string, MetricQueryFilters[string]> = {};
  const dashboardFilter: Record<string, MetricQueryFilters[string]> = {};
  for (const [name, value] of Object.entries(filters)) {
    const target = allowed.get(name);
    if (target === undefined) continue;
    kept[name] = value;
    (target === 'metricFilter' ? metricFilter : dashboardFilter)[name] = value;
  }
  return { kept, metricFilter, dashboardFilter };
}

function decodeMetricData(text: string): MetricData | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) && Array.isArray(value.rows) && Array.isArray(value.columns)
      ? (value as unknown as MetricData)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Creates the metric-data endpoint your front end calls (`useMetricData` in
 * `@databrain-embed/react/data`): a Fetch-API handler
 * `(request) => Promise<Response>` that answers one metric's rows for the
 * signed-in user. Use it as a Next.js route handler (`export const POST =
 * handler`), in Hono, Remix, Bun or Deno, or in Express through
 * `toNodeHandler` (mount it where no body parser has read the body).
 *
 * The browser POSTs `{ metricId, embedId?, filters? }`. It names the metric
 * and chooses only the filters `options.filters` allows; `authorize` gives the
 * tenant (`clientId`) and the security filters from your session, and those
 * win: a name they filter is never taken from the browser. Anything else the
 * browser sends (a `clientId`, a `metricFilter`, a filter not allowed) is
 * dropped before DataBrain is asked.
 *
 * Identical queries are answered once (`reuse`): concurrent ones share one
 * DataBrain call, and the answer is reused for `reuse.ttlMs` (5 s), across
 * instances with a Redis store. Each user has a request budget (`budget`,
 * 60 a minute), checked before DataBrain is asked.
 *
 * Answers (all with `Cache-Control: no-store`):
 * - 200 `{ metricId, embedId, rows, columns, groupBy, totalRecords, comparisonValue }`;
 * - 400 `BAD_REQUEST` naming the invalid field; 413 `PAYLOAD_TOO_LARGE`;
 * - 401 `UNAUTHORIZED` when `authorize` returns `null`;
 * - 404 `NOT_FOUND` when DataBrain knows no such metric in the embed;
 * - 405 for anything but POST (with `Allow: POST`);
 * - 429 `RATE_LIMITED` over the user's budget, with `Retry-After`;
 * - 503 `UPSTREAM_BUSY` when DataBrain still rate-limits after the client's retries;
 * - 502 `UPSTREAM_ERROR` when DataBrain fails otherwise, without its details;
 * - 500 `INTERNAL_ERROR` when `authorize` throws or returns an invalid grant.
 *
 * Options are validated here, once: a malformed one throws a
 * `DatabrainValidationError` naming it.
 *
 * @example
 * ```ts
 * import { createDatabrainClient, createMetricDataHandler } from '@databrain-embed/server';
 *
 * export const POST = createMetricDataHandler({
 *   client: createDatabrainClient({ apiKey: process.env.DATABRAIN_API_KEY }),
 *   embedId: 'sales-overview',
 *   filters: { region: 'metricFilter' },
 *   authorize: async (request) => {
 *     const user = await getSessionUser(request);
 *     return user ? { clientId: user.tenantId, userId: user.id } : null;
 *   },
 * });
 * ```
 */
export function createMetricDataHandler(
  options: MetricDataHandlerOptions,
): (request: Request) => Promise<Response> {
  const resolved = resolveMetricDataHandlerOptions(options);
  const { client, authorize, onError } = resolved;
  const budget = resolved.budget === undefined ? undefined : createRequestBudget(resolved.budget);
  const shared =
    resolved.reuse === undefined
      ? undefined
      : createSharedAnswers<MetricData>({
          ...resolved.reuse,
          encode: (value) => JSON.stringify(value),
          decode: decodeMetricData,
          aborted: (reason: unknown) => abortedError('metricQuery', reason),
        });

  const report = (error: unknown): void => {
    try {
      if (onError) onError(error);
      else console.error(`[databrain-embed] The metric data handler failed: ${describe(error)}`);
    } catch {
      // A failing logger must not turn a handled error into an unhandled one.
    }
  };

  const query = async (body: MetricQueryRequest, signal: AbortSignal): Promise<MetricData> => {
    const answer = await client.queryMetric(body, { signal });
    return {
      metricId: body.metricId,
      embedId: body.embedId,
      rows: answer.data,
      columns: answer.metaData.columns,
      groupBy: answer.metaData.groupbyColumnList,
      totalRecords: answer.totalRecords,
      comparisonValue: answer.comparisonValue,
    };
  };

  return async (request) => {
    if (request.method !== 'POST') {
      return failure(
        405,
        { code: 'METHOD_NOT_ALLOWED', message: 'Use POST to ask for metric data.' },
        { allow: 'POST' },
      );
    }

    // A body cut off by a browser that hung up fails to read: answered, never thrown.
    const read = await readRequestJson(request, resolved.maxBodyBytes).catch(() => undefined);
    if (read === undefined) {
      return failure(400, { code: 'BAD_REQUEST', message: 'The request body could not be read.' });
    }
    if (!read.ok) {
      if (read.problem === 'too-large') {
        return failure(413, {
          code: 'PAYLOAD_TOO_LARGE',
          message: `The request body is over ${resolved.maxBodyBytes} bytes.`,
        });
      }
      const message =
        read.problem === 'missing'
          ? 'Send a JSON body { "metricId": "…" } (was the body read by a parser before this handler?).'
          : 'The request body is not JSON.';
      return failure(400, { code: 'BAD_REQUEST', message });
    }
    const parsed = parseMetricDataRequest(read.value);
    if (!parsed.ok) {
      const issues = parsed.issues.map((issue) => `${issue.path || '(body)'}: ${issue.message}`);
      return failure(400, { code: 'BAD_REQUEST', message: `Invalid request: ${issues.join('; ')}` });
    }
    const embedId = parsed.value.embedId ?? resolved.embedId;
    if (embedId === undefined) {
      return failure(400, {
        code: 'BAD_REQUEST',
        message: 'embedId: is required (this endpoint has no default)',
      });
    }
    const chosen = allowedFilters(parsed.value.filters ?? {}, resolved.filters);
    const asked: MetricDataQuery = { metricId: parsed.value.metricId, embedId, filters: chosen.kept };

    let grant: MetricDataGrant | null;
    try {
      grant = await authorize(request, asked);
    } catch (error) {
      report(error);
      return failure(500, { code: 'INTERNAL_ERROR', message: 'Could not check who is signed in.' });
    }
    if (grant === null) {
      return failure(401, { code: 'UNAUTHORIZED', message: 'Sign in to view analytics.' });
    }
    if (!isRecord(grant) || typeof grant.clientId !== 'string' || grant.clientId.trim() === '') {
      report(new TypeError('[databrain-embed] authorize must return { clientId, … } or null'));
      return failure(500, { code: 'INTERNAL_ERROR', message: 'Could not check who is signed in.' });
    }

    if (budget !== undefined) {
      const decision = budget.take(grant.userId ?? grant.clientId);
      if (!decision.allowed) {
        const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
        return failure(
          429,
          { code: 'RATE_LIMITED', message: 'Too many analytics requests. Try again shortly.' },
          { 'retry-after': String(seconds) },
        );
      }
    }

    try {
      const body = composeMetricQuery(asked, chosen, grant);
      const data =
        shared === undefined
          ? await query(body, request.signal)
          : await shared.answer(
              await metricDataCacheKey(body),
              (signal) => query(body, signal),
              request.signal,
            );
      return json(200, data);
    } catch (error) {
      // The caller hung up: nobody reads this answer, and no log line is owed.
      if (request.signal.aborted) {
        return failure(502, { code: 'UPSTREAM_ERROR', message: 'The request was cancelled.' });
      }
      if (isDatabrainError(error) && NOT_FOUND_CODES.has(error.code)) {
        return failure(404, { code: 'NOT_FOUND', message: 'No such metric in this embed.' });
      }
      report(error);
      if (error instanceof DatabrainApiError && error.status === 429) {
        const seconds = clampRetryAfterSeconds(error.retryAfter);
        return failure(
          503,
          { code: 'UPSTREAM_BUSY', message: 'The analytics service is busy. Try again later.' },
          seconds === undefined ? {} : { 'retry-after': String(seconds) },
        );
      }
      if (isDatabrainError(error) && error.code !== 'VALIDATION_ERROR') {
        return failure(502, {
          code: 'UPSTREAM_ERROR',
          message: 'The analytics service is unavailable. Try again later.',
        });
      }
      return failure(500, { code: 'INTERNAL_ERROR', message: 'Could not query the metric.' });
    }
  };
}
