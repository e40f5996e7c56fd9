/**
 * The grant the story backend's metric-data endpoint gives a persona: its
 * tenant, and as security filters the same filters its guest token carries
 * for that metric (`appFilters`) and that embed (`dashboardAppFilters`), so
 * the headless stories see exactly the rows the embeds of the same persona do.
 */
import type { MetricDataGrant, MetricDataQuery, MetricQueryFilters } from '@databrain-embed/server';
import type { Persona } from './personas.ts';

/** Every value of the filters aimed at `target`, merged in order. */
function merged(filters: readonly { readonly values: object }[]): MetricQueryFilters {
  // Guest-token filter values are JSON, so they are metric-query filter values too.
  return Object.assign({}, ...filters.map((filter) => filter.values)) as MetricQueryFilters;
}

export function metricDataGrant(name: string, persona: Persona, query: MetricDataQuery): MetricDataGrant {
  const params = persona.params ?? {};
  const metricFilter = merged(
    (params.appFilters ?? []).filter((filter) => filter.metricId === query.metricId),
  );
  const dashboardFilter = merged(
    (params.dashboardAppFilters ?? []).filter((filter) => filter.dashboardId === query.embedId),
  );
  return {
    clientId: persona.clientId,
    userId: name,
    ...(Object.keys(metricFilter).length > 0 ? { metricFilter } : {}),
    ...(Object.keys(dashboardFilter).length > 0 ? { dashboardFilter } : {}),
  };
}
