import { type AppFilterFor, appFilter } from './appFilter.ts';
import { buildGuestTokenRequest, type GuestTokenInput } from './buildGuestTokenRequest.ts';
import {
  type DashboardAppFilterFor,
  type DashboardAppFilterOptions,
  dashboardAppFilter,
} from './dashboardAppFilter.ts';
import type {
  DashboardFilters,
  DashboardId,
  EmbedCatalog,
  FilterValuesFor,
  MetricFilters,
  MetricId,
} from './embedCatalog.ts';
import type { FilterValues } from './filterValues.ts';
import type { GuestTokenRequest } from './guestTokenSchema.ts';

/**
 * The builders {@link defineEmbeds} returns, typed by the catalog `C`.
 *
 * @example
 * ```ts
 * import { defineEmbeds, type TypedEmbeds } from '@databrain-embed/core';
 * type Embeds = { metrics: { revenue: { country: string } } };
 * const embeds: TypedEmbeds<Embeds> = defineEmbeds<Embeds>();
 * ```
 */
export interface TypedEmbeds<C extends EmbedCatalog> {
  /** {@link appFilter}, limited to declared metrics and their filters. */
  appFilter<Id extends MetricId<C>>(
    metricId: Id,
    values: FilterValuesFor<MetricFilters<C, Id>>,
  ): AppFilterFor<C, Id>;
  /** {@link dashboardAppFilter}, limited to declared dashboards and their filters. */
  dashboardAppFilter<Id extends DashboardId<C>>(
    dashboardId: Id,
    values: FilterValuesFor<DashboardFilters<C, Id>>,
    options?: DashboardAppFilterOptions,
  ): DashboardAppFilterFor<C, Id>;
  /** {@link buildGuestTokenRequest}, with filters and `allowedEmbeds` checked against `C`. */
  buildGuestTokenRequest(input: GuestTokenInput<C>): GuestTokenRequest;
}

/**
 * Declares your embeds once, as a type, and returns builders checked against
 * it: a misspelled embed id or filter name, or a value of the wrong type, is
 * a compile error. At run time these are the ordinary builders (the catalog
 * exists only in types), so values are still validated.
 *
 * @example
 * ```ts
 * import { type DateRange, dateRange, defineEmbeds } from '@databrain-embed/core';
 *
 * type Embeds = {
 *   dashboards: { 'sales-overview': { region: string[]; period: DateRange } };
 *   metrics: { revenue: { country: string } };
 * };
 * const embeds = defineEmbeds<Embeds>();
 *
 * const body = embeds.buildGuestTokenRequest({
 *   clientId: 'tenant-7',
 *   dataAppName: 'sales',
 *   params: {
 *     dashboardAppFilters: [
 *       embeds.dashboardAppFilter('sales-overview', { period: dateRange('2024-01-01', '2024-03-31') }),
 *     ],
 *     appFilters: [embeds.appFilter('revenue', { country: 'USA' })],
 *     allowedEmbeds: ['sales-overview', 'revenue'],
 *   },
 * });
 * // embeds.appFilter('revenue', { contry: 'USA' }); // compile error: unknown filter name
 * ```
 */
export function defineEmbeds<C extends EmbedCatalog>(): TypedEmbeds<C> {
  // The catalog exists only in types, so these are the loose builders with
  // their results narrowed to what the types already proved.
  return {
    appFilter: (metricId, values) =>
      appFilter(metricId, values as FilterValues) as AppFilterFor<C, typeof metricId>,
    dashboardAppFilter: (dashboardId, values, options) =>
      dashboardAppFilter(dashboardId, values as FilterValues, options) as DashboardAppFilterFor<
        C,
        typeof dashboardId
      >,
    buildGuestTokenRequest: (input) => buildGuestTokenRequest<C>(input),
  };
}
