import { isRecord } from '@databrain-embed/core/internal';
import type { ResolvedDatabrainStorybookConfig } from './DatabrainStorybookConfig.ts';
import { embedOfMetric } from './embedOfMetric.ts';

/** What the data handlers read at most; a longer body goes on as it is, to be refused there (413). */
const MAX_PEEK_BYTES = 16_384;

/**
 * Puts in front of a data route the demo backend's default embed: a request
 * body `{ metricId }` without `embedId` gets the embed that holds the metric
 * (`embedOfMetric`), so `useMetricData({ metricId: 'revenue' })` works as
 * against an app's handler with its `embedId` option. Any other body goes on
 * unchanged, for the route to answer as its contract says.
 *
 * @example
 * ```ts
 * const data = withDefaultEmbed(config, createMetricDataHandler({ client, authorize }));
 * ```
 */
export function withDefaultEmbed(
  config: ResolvedDatabrainStorybookConfig,
  route: (request: Request) => Promise<Response>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'POST') return route(request);
    const text = await request.text().catch(() => undefined);
    if (text === undefined) return route(request);
    let body: unknown;
    try {
      body = text.length > MAX_PEEK_BYTES ? undefined : JSON.parse(text);
    } catch {
      body = undefined;
    }
    const embedId =
      isRecord(body) && typeof body.metricId === 'string' && body.embedId === undefined
        ? embedOfMetric(config, body.metricId)
        : undefined;
    const headers = new Headers(request.headers);
    // The body may change length; the route counts what it reads.
    headers.delete('content-length');
    return route(
      new Request(request.url, {
        method: request.method,
        headers,
        body: embedId === undefined ? text : JSON.stringify({ ...(body as object), embedId }),
        signal: request.signal,
      }),
    );
  };
}
