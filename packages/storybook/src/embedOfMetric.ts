import type { ResolvedDatabrainStorybookConfig } from './DatabrainStorybookConfig.ts';

/**
 * The embed that holds a metric, for a data request that names no `embedId`:
 * the first embed listing it in `metrics`, else the metric embed of that id
 * (a metric embed without `metrics` is one metric named after it), else
 * `undefined` (the request is then answered 400, naming `embedId`).
 *
 * @example
 * ```ts
 * embedOfMetric(config, 'revenue-by-region'); // 'sales-overview'
 * ```
 */
export function embedOfMetric(
  config: ResolvedDatabrainStorybookConfig,
  metricId: string,
): string | undefined {
  const listing = config.embeds.find((embed) =>
    embed.metrics?.some((metric) => metric.metricId === metricId),
  );
  if (listing) return listing.embedId;
  const own = config.embeds.find(
    (embed) => embed.type === 'metric' && embed.metrics === undefined && embed.embedId === metricId,
  );
  return own?.embedId;
}
