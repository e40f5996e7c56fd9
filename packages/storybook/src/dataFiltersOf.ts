import type { ResolvedDatabrainStorybookConfig } from './DatabrainStorybookConfig.ts';

/**
 * The filters the browser may choose on the addon's data endpoint, each a
 * metric filter: the config's `dataFilters`, else every column of its rows
 * but the tenant column (which the persona decides). The same map both data
 * routes use, in the shape `createMetricDataHandler`'s `filters` takes.
 *
 * @example
 * ```ts
 * dataFiltersOf(config); // { region: 'metricFilter', product: 'metricFilter', amount: 'metricFilter', … }
 * ```
 */
export function dataFiltersOf(config: ResolvedDatabrainStorybookConfig): Record<string, 'metricFilter'> {
  const names = new Set<string>(config.dataFilters ?? []);
  if (config.dataFilters === undefined) {
    for (const embed of config.embeds) {
      for (const row of embed.rows) for (const column of Object.keys(row)) names.add(column);
    }
    names.delete(config.tenantColumn);
  }
  return Object.fromEntries([...names].map((name) => [name, 'metricFilter' as const]));
}
