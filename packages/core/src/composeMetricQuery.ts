import type { MetricQueryFilters, MetricQueryRequest } from './metricQuery.ts';

/** `filters` without the names in `secured`. */
function without(filters: MetricQueryFilters, secured: ReadonlySet<string>): MetricQueryFilters {
  return Object.fromEntries(Object.entries(filters).filter(([name]) => !secured.has(name)));
}

/**
 * The DataBrain query body for one metric-data request: the metric the
 * browser named, the filters it chose that the endpoint allows (`chosen`,
 * already sorted into metric and dashboard filters), and what the server
 * granted the signed-in user (`grant`: tenant, security filters,
 * datasource). A name the grant filters, in either place, is never taken from
 * the browser: a security filter is not combined with a choice the user made
 * on it. The one reading of that rule for the server's metric-data handler and
 * the Storybook addon's in-page data route.
 *
 * @example
 * ```ts
 * import { composeMetricQuery } from '@databrain-embed/core/internal';
 * composeMetricQuery(
 *   { embedId: 'sales', metricId: 'revenue' },
 *   { metricFilter: { region: 'NA' }, dashboardFilter: {} },
 *   { clientId: 'acme', metricFilter: { region: 'EMEA' } },
 * ); // { embedId: 'sales', metricId: 'revenue', clientId: 'acme', metricFilter: { region: 'EMEA' } }
 * ```
 */
export function composeMetricQuery(
  query: { readonly embedId: string; readonly metricId: string },
  chosen: { readonly metricFilter: MetricQueryFilters; readonly dashboardFilter: MetricQueryFilters },
  grant: {
    readonly clientId: string;
    readonly metricFilter?: MetricQueryFilters;
    readonly dashboardFilter?: MetricQueryFilters;
    readonly datasourceName?: string;
  },
): MetricQueryRequest {
  const secured = new Set([
    ...Object.keys(grant.metricFilter ?? {}),
    ...Object.keys(grant.dashboardFilter ?? {}),
  ]);
  const metricFilter = { ...without(chosen.metricFilter, secured), ...grant.metricFilter };
  const dashboardFilter = { ...without(chosen.dashboardFilter, secured), ...grant.dashboardFilter };
  return {
    embedId: query.embedId,
    metricId: query.metricId,
    clientId: grant.clientId,
    ...(Object.keys(metricFilter).length > 0 ? { metricFilter } : {}),
    ...(Object.keys(dashboardFilter).length > 0 ? { dashboardFilter } : {}),
    ...(grant.datasourceName === undefined ? {} : { datasourceName: grant.datasourceName }),
  };
}
