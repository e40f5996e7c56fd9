import type { MetricData, MetricDataRequest } from '@databrain-embed/core';
import { DatabrainError, type DatabrainReactErrorCode } from '@databrain-embed/core/errors';
import { readMetricData } from './readMetricData.ts';

// Failures a retry cannot mend: the request itself was refused (400, 401,
// 403, 404, 413). Rate limits and server failures are retried.
const final = new WeakSet<Error>();

/**
 * Whether SWR should retry after `error`: not for an answer that would only
 * be refused again (a 4xx other than 408 and 429), nor for an answer of the
 * wrong shape; yes for network failures, rate limits and server errors.
 *
 * @example
 * ```ts
 * useSWR(key, fetcher, { shouldRetryOnError: isWorthRetrying });
 * ```
 */
export function isWorthRetrying(error: unknown): boolean {
  return !(error instanceof Error && final.has(error));
}

function serverError(body: unknown): string {
  if (typeof body !== 'object' || body === null || !('error' in body)) return '';
  const { error } = body;
  if (typeof error !== 'object' || error === null) return '';
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  const message = 'message' in error && typeof error.message === 'string' ? error.message : undefined;
  // The endpoint's own words, kept short: a message a server wrote for people.
  const text = [code, message].filter(Boolean).join(': ').slice(0, 200);
  return text === '' ? '' : ` (${text})`;
}

/**
 * Asks the app's metric-data endpoint for one metric's rows: `POST` with the
 * user's same-origin cookies and `{ metricId, embedId?, filters? }`. Every
 * failure is a `DatabrainError`: `DATA_UNREACHABLE`, `DATA_HTTP` (with the
 * status and the endpoint's error code) or `DATA_SHAPE`.
 *
 * @example
 * ```ts
 * const data = await fetchMetricData('/api/databrain/data', { metricId: 'total-revenue' });
 * ```
 */
export async function fetchMetricData<Row extends object>(
  url: string,
  request: MetricDataRequest,
  signal?: AbortSignal,
): Promise<MetricData<Row>> {
  const source = `POST ${url}`;
  const fail = (code: DatabrainReactErrorCode, message: string, cause?: unknown): never => {
    const error = new DatabrainError(code, `${source} ${message}.`, { cause });
    // An answer of the wrong shape would come back the same.
    if (code === 'DATA_SHAPE') final.add(error);
    throw error;
  };
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(request),
    signal: signal ?? null,
  }).catch((cause: unknown) => fail('DATA_UNREACHABLE', 'could not reach the server', cause));
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = new DatabrainError(
      'DATA_HTTP',
      `${source} answered HTTP ${response.status}${serverError(body)}.`,
    );
    const status = response.status;
    if (status >= 400 && status < 500 && status !== 408 && status !== 429) final.add(error);
    throw error;
  }
  if (body === undefined) fail('DATA_SHAPE', 'answered no JSON');
  try {
    return readMetricData<Row>(body, source);
  } catch (error) {
    if (error instanceof Error) final.add(error);
    throw error;
  }
}
