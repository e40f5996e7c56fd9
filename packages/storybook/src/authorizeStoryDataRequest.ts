import type { MetricQueryFilters } from '@databrain-embed/core';
import { personaNameOf } from './authorizeStoryRequest.ts';
import type { DatabrainPersona, ResolvedDatabrainStorybookConfig } from './DatabrainStorybookConfig.ts';

/**
 * What the addon's data endpoint grants a persona for one metric (the shape
 * of the server's `MetricDataGrant`): its tenant, and its security filters.
 */
export interface StoryDataGrant {
  readonly clientId: string;
  readonly userId: string;
  readonly metricFilter?: MetricQueryFilters;
  readonly dashboardFilter?: MetricQueryFilters;
}

/** Every value of the filters aimed at one metric or embed, merged in order. */
function merged(filters: readonly { readonly values: object }[]): MetricQueryFilters {
  // Guest-token filter values are JSON, so they are metric-query filter values too.
  return Object.assign({}, ...filters.map((filter) => filter.values)) as MetricQueryFilters;
}

/**
 * The grant of a persona for a metric of an embed: its `clientId`, and as
 * security filters the filters its guest token carries for that metric
 * (`appFilters`) and that embed (`dashboardAppFilters`), so a headless story
 * sees exactly the rows the same persona's embeds show.
 *
 * @example
 * ```ts
 * dataGrantForPersona('globex-na-manager', persona, { metricId: 'revenue', embedId: 'revenue' });
 * // { clientId: 'globex', userId: 'globex-na-manager', metricFilter: { region: 'NA' } }
 * ```
 */
export function dataGrantForPersona(
  name: string,
  persona: DatabrainPersona,
  query: { readonly metricId: string; readonly embedId: string },
): StoryDataGrant {
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

/**
 * The demo backend's `authorize` for metric data: the request's persona
 * (the `persona` query parameter, else the persona cookie, else the
 * default, as for tokens) mapped to its grant, or `null` (answered 401) for
 * a persona the config does not know. Nothing of the body decides the
 * tenant or a security filter.
 *
 * @example
 * ```ts
 * const handler = createMetricDataHandler({ client, filters: dataFiltersOf(config),
 *   authorize: (request, query) => authorizeStoryDataRequest(config, request, query) });
 * ```
 */
export function authorizeStoryDataRequest(
  config: ResolvedDatabrainStorybookConfig,
  request: Request,
  query: { readonly metricId: string; readonly embedId: string },
  cookies: string | null = request.headers.get('cookie'),
): StoryDataGrant | null {
  const name = personaNameOf(request, cookies) ?? config.defaultPersona;
  const persona = Object.hasOwn(config.personas, name) ? config.personas[name] : undefined;
  return persona === undefined ? null : dataGrantForPersona(name, persona, query);
}
