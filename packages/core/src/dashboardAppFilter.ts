import * as z from 'zod';
import { closedObject } from './closedObject.ts';
import type {
  DashboardFilters,
  DashboardId,
  EmbedCatalog,
  FilterValuesFor,
  LooseCatalog,
} from './embedCatalog.ts';
import { type FilterValues, filterValuesSchema } from './filterValues.ts';
import { requiredText } from './requiredText.ts';
import { validate } from './validate.ts';

/**
 * A dashboard-level filter in a guest token (`params.dashboardAppFilters[]`),
 * applied to every metric of the dashboard. The dashboard filter must have
 * "App Filter" enabled in its *Apply On* settings.
 *
 * `isShowOnUrl` sits inside each item, beside `dashboardId` and `values`, as
 * DataBrain's role-based filtering guide shows it (one page lists it in
 * prose near `params`-level keys; we follow the JSON example). `false` keeps
 * the filter applied but out of the URL's search params.
 *
 * @example
 * ```ts
 * import type { DashboardAppFilter } from '@databrain-embed/core';
 * const filter: DashboardAppFilter = { dashboardId: 'sales-overview', values: { region: ['EMEA'] }, isShowOnUrl: false };
 * ```
 */
export interface DashboardAppFilter {
  dashboardId: string;
  values: FilterValues;
  isShowOnUrl?: boolean;
}

/**
 * A {@link DashboardAppFilter} checked against a catalog: `dashboardId` is a
 * declared dashboard and `values` uses its declared filters.
 *
 * @example
 * ```ts
 * import type { DashboardAppFilterFor } from '@databrain-embed/core';
 * type Embeds = { dashboards: { sales: { region: string[] } } };
 * const filter: DashboardAppFilterFor<Embeds> = { dashboardId: 'sales', values: { region: ['EMEA'] } };
 * ```
 */
export type DashboardAppFilterFor<
  C extends EmbedCatalog = LooseCatalog,
  Id extends DashboardId<C> = DashboardId<C>,
> = {
  [K in Id]: { dashboardId: K; values: FilterValuesFor<DashboardFilters<C, K>>; isShowOnUrl?: boolean };
}[Id];

/**
 * Options of {@link dashboardAppFilter}.
 *
 * @example
 * ```ts
 * import type { DashboardAppFilterOptions } from '@databrain-embed/core';
 * const hidden: DashboardAppFilterOptions = { isShowOnUrl: false };
 * ```
 */
export interface DashboardAppFilterOptions {
  /** `false` applies the filter without exposing it in the URL. */
  isShowOnUrl?: boolean;
}

/**
 * Validates one {@link DashboardAppFilter}.
 *
 * @example
 * ```ts
 * import { dashboardAppFilterSchema } from '@databrain-embed/core';
 * dashboardAppFilterSchema.safeParse({ dashboardId: 'sales', values: {}, isShowOnUrl: 'no' }).success; // false
 * ```
 */
export const dashboardAppFilterSchema: z.ZodType<DashboardAppFilter> = closedObject(
  {
    dashboardId: requiredText(),
    values: filterValuesSchema,
    isShowOnUrl: z.boolean({ error: 'must be a boolean (true or false)' }).exactOptional(),
  },
  'must be an object',
);

/**
 * Builds a dashboard-level filter for `params.dashboardAppFilters`. Throws
 * {@link DatabrainValidationError} for an empty id or an invalid value.
 * Use the one from {@link defineEmbeds} to have names and values checked
 * against your catalog.
 *
 * @example
 * ```ts
 * import { dashboardAppFilter, dateRange } from '@databrain-embed/core';
 * dashboardAppFilter('sales-overview', { period: dateRange('2024-01-01', '2024-03-31') }, { isShowOnUrl: false });
 * ```
 */
export function dashboardAppFilter(
  dashboardId: string,
  values: FilterValues,
  options: DashboardAppFilterOptions = {},
): DashboardAppFilter {
  const filter: DashboardAppFilter = { dashboardId, values };
  if (options.isShowOnUrl !== undefined) filter.isShowOnUrl = options.isShowOnUrl;
  return validate(dashboardAppFilterSchema, filter, 'dashboard app filter');
}
