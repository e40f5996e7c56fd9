import {
  buildMetricQueryRequest,
  DATABRAIN_ENDPOINT_TABLE,
  type MetricData,
  type MetricQueryRequest,
  type MetricQueryResponse,
  parseMetricQueryResponse,
} from '@databrain-embed/core';
import { composeMetricQuery, isRecord, parseMetricDataRequest } from '@databrain-embed/core/internal';
import { authorizeStoryDataRequest } from './authorizeStoryDataRequest.ts';
import type { BrowserRouteOptions } from './BrowserRouteOptions.ts';
import { dataFiltersOf } from './dataFiltersOf.ts';
import { jsonAnswer } from './jsonAnswer.ts';

/** DataBrain's answers for a metric or embed that is not there. */
const NOT_FOUND_CODES: ReadonlySet<string> = new Set([
  'INVALID_EMBED_ID',
  'EMBED_PARAM_ERROR',
  'INVALID_METRIC_ID',
]);

const MAX_BODY_CHARS = 16_384;

function failure(status: number, code: string, message: string, headers?: Record<string, string>): Response {
  return jsonAnswer(status, { error: { code, message } }, headers);
}

/**
 * The metric-data endpoint of a static Storybook, run inside the page: the
 * contract of the server's `createMetricDataHandler` (`POST { metricId,
 * embedId?, filters? }` → `{ metricId, embedId, rows, columns, groupBy,
 * totalRecords, comparisonValue }`; 400 naming the field, 401 for an unknown
 * persona, 404 for a metric the embed does not hold, 405, 413, 502), the same
 * persona mapping (`authorizeStoryDataRequest`) and allowed filters
 * (`dataFiltersOf`), and core's `buildMetricQueryRequest` (the server
 * package never runs in a browser), querying the in-page emulator. The
 * tenant and the security filters are the persona's: a `clientId`, a filter
 * not allowed or a filter on a secured name that the browser sends is
 * dropped. No reuse and no budget, as the dev server's handler has none.
 *
 * @example
 * ```ts
 * const route = createBrowserDataRoute({ config, emulator: emulator.fetch, apiKey: EMULATOR_API_KEY,
 *   cookies: () => document.cookie });
 * const answer = await route(new Request('/api/databrain/data?persona=acme-viewer', {
 *   method: 'POST', body: JSON.stringify({ metricId: 'revenue', embedId: 'revenue' }) }));
 * ```
 */
export function createBrowserDataRoute(
  options: BrowserRouteOptions,
): (request: Request) => Promise<Response> {
  const { config, emulator, apiKey, cookies } = options;
  const allowed = new Set(Object.keys(dataFiltersOf(config)));
  const { method, path } = DATABRAIN_ENDPOINT_TABLE.metricQuery;

  return async (request) => {
    if (request.method !== 'POST') {
      return failure(405, 'METHOD_NOT_ALLOWED', 'Use POST to ask for metric data.', { allow: 'POST' });
    }
    const text = await request.text().catch(() => undefined);
    if (text === undefined) return failure(400, 'BAD_REQUEST', 'The request body could not be read.');
    if (text.length > MAX_BODY_CHARS) {
      return failure(413, 'PAYLOAD_TOO_LARGE', `The request body is over ${MAX_BODY_CHARS} bytes.`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return failure(400, 'BAD_REQUEST', 'The request body is not JSON.');
    }
    // As the server handler reads it: unknown keys (a `clientId`, a `metricFilter`) are dropped.
    const parsed = parseMetricDataRequest(json);
    if (!parsed.ok) {
      const issues = parsed.issues.map((issue) => `${issue.path || '(body)'}: ${issue.message}`);
      return failure(400, 'BAD_REQUEST', `Invalid request: ${issues.join('; ')}`);
    }
    const { metricId, embedId, filters = {} } = parsed.value;
    if (embedId === undefined) {
      return failure(400, 'BAD_REQUEST', 'embedId: is required (this endpoint has no default)');
    }

    const grant = authorizeStoryDataRequest(config, request, { metricId, embedId }, cookies());
    if (grant === null) return failure(401, 'UNAUTHORIZED', 'Sign in to view analytics.');
    // Only the names the config allows; a name the persona filters is never taken from the browser.
    const chosen = Object.fromEntries(Object.entries(filters).filter(([name]) => allowed.has(name)));
    let body: MetricQueryRequest;
    try {
      body = buildMetricQueryRequest(
        composeMetricQuery({ embedId, metricId }, { metricFilter: chosen, dashboardFilter: {} }, grant),
      );
    } catch (error) {
      console.error(
        `[databrain-embed] The Storybook data route refused the request: ${error instanceof Error ? error.message : String(error)}`,
      );
      return failure(500, 'INTERNAL_ERROR', 'Could not query the metric.');
    }

    const upstream = await emulator(
      new Request(new URL(path, 'http://emulator.local'), {
        method,
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: request.signal,
      }),
    ).catch((error: unknown) => error);
    if (!(upstream instanceof Response)) {
      return failure(502, 'UPSTREAM_ERROR', 'The analytics service is unavailable. Try again later.');
    }
    const answer: unknown = await upstream.json().catch(() => undefined);
    if (!upstream.ok) {
      const code = isRecord(answer) && isRecord(answer.error) ? answer.error.code : undefined;
      if (typeof code === 'string' && NOT_FOUND_CODES.has(code)) {
        return failure(404, 'NOT_FOUND', 'No such metric in this embed.');
      }
      if (!request.signal.aborted) {
        console.error(
          `[databrain-embed] The Storybook data route: the emulator answered HTTP ${upstream.status}`,
        );
      }
      return failure(502, 'UPSTREAM_ERROR', 'The analytics service is unavailable. Try again later.');
    }
    let result: MetricQueryResponse;
    try {
      result = parseMetricQueryResponse(answer);
    } catch {
      return failure(502, 'UPSTREAM_ERROR', 'The analytics service is unavailable. Try again later.');
    }
    const data: MetricData = {
      metricId,
      embedId,
      rows: result.data,
      columns: result.metaData.columns,
      groupBy: result.metaData.groupbyColumnList,
      totalRecords: result.totalRecords,
      comparisonValue: result.comparisonValue,
    };
    return jsonAnswer(200, data);
  };
}
