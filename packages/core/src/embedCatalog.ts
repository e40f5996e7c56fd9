import type { FilterValue, FilterValues } from './filterValues.ts';

/**
 * A declaration of your embeds and their filters, written once as a type so a
 * misspelled id or filter name, or a value of the wrong form, fails to
 * compile. Keys of `dashboards` and `metrics` are the embed ids you pass to
 * `<Dashboard>`/`<Metric>`; each maps filter names to the value type it takes.
 * Declare it with `type` (an `interface` has no index signature and does not
 * satisfy this constraint).
 *
 * @example
 * ```ts
 * import type { DateRange, EmbedCatalog } from '@databrain-embed/core';
 * type Embeds = {
 *   dashboards: { 'sales-overview': { region: string[]; period: DateRange } };
 *   metrics: { revenue: { country: string } };
 * };
 * const check: Embeds extends EmbedCatalog ? true : false = true;
 * ```
 */
export type EmbedCatalog = {
  dashboards?: Record<string, Record<string, FilterValue>>;
  metrics?: Record<string, Record<string, FilterValue>>;
};

/**
 * The catalog used when none is declared: any id, any filter name, any
 * {@link FilterValue}.
 *
 * @example
 * ```ts
 * import type { GuestTokenInput, LooseCatalog } from '@databrain-embed/core';
 * type Same = GuestTokenInput<LooseCatalog>; // what GuestTokenInput means on its own
 * ```
 */
export type LooseCatalog = {
  dashboards: Record<string, FilterValues>;
  metrics: Record<string, FilterValues>;
};

type Section<C extends EmbedCatalog, K extends 'dashboards' | 'metrics'> = NonNullable<C[K]>;

/**
 * The dashboard embed ids a catalog declares (`string` without a catalog).
 *
 * @example
 * ```ts
 * import type { DashboardId } from '@databrain-embed/core';
 * type Ids = DashboardId<{ dashboards: { 'sales-overview': {} } }>; // 'sales-overview'
 * ```
 */
export type DashboardId<C extends EmbedCatalog = LooseCatalog> = keyof Section<C, 'dashboards'> & string;

/**
 * The metric embed ids a catalog declares (`string` without a catalog).
 *
 * @example
 * ```ts
 * import type { MetricId } from '@databrain-embed/core';
 * type Ids = MetricId<{ metrics: { revenue: { country: string } } }>; // 'revenue'
 * ```
 */
export type MetricId<C extends EmbedCatalog = LooseCatalog> = keyof Section<C, 'metrics'> & string;

/**
 * Any embed id a catalog declares, dashboard or metric.
 *
 * @example
 * ```ts
 * import type { EmbedId } from '@databrain-embed/core';
 * type Ids = EmbedId<{ dashboards: { sales: {} }; metrics: { revenue: {} } }>; // 'sales' | 'revenue'
 * ```
 */
export type EmbedId<C extends EmbedCatalog = LooseCatalog> = DashboardId<C> | MetricId<C>;

/**
 * The values object for a filter declaration `F`: each declared filter is
 * optional and takes its declared type; undeclared names fail to compile.
 * Without a declaration (an index signature) any name and value is accepted.
 *
 * @example
 * ```ts
 * import type { FilterValuesFor } from '@databrain-embed/core';
 * const values: FilterValuesFor<{ country: string }> = { country: 'USA' };
 * ```
 */
export type FilterValuesFor<F> = string extends keyof F ? FilterValues : { [K in keyof F]?: F[K] };

/**
 * The filters declared for dashboard `Id`.
 *
 * @example
 * ```ts
 * import type { DashboardFilters } from '@databrain-embed/core';
 * type F = DashboardFilters<{ dashboards: { sales: { region: string[] } } }, 'sales'>; // { region: string[] }
 * ```
 */
export type DashboardFilters<C extends EmbedCatalog, Id extends DashboardId<C>> = Section<
  C,
  'dashboards'
>[Id];

/**
 * The filters declared for metric `Id`.
 *
 * @example
 * ```ts
 * import type { MetricFilters } from '@databrain-embed/core';
 * type F = MetricFilters<{ metrics: { revenue: { country: string } } }, 'revenue'>; // { country: string }
 * ```
 */
export type MetricFilters<C extends EmbedCatalog, Id extends MetricId<C>> = Section<C, 'metrics'>[Id];

/**
 * Every dashboard filter name a catalog declares, for `hideDashboardFilters`
 * (`string` without a catalog).
 *
 * @example
 * ```ts
 * import type { DashboardFilterName } from '@databrain-embed/core';
 * type N = DashboardFilterName<{ dashboards: { sales: { region: string[] } } }>; // 'region'
 * ```
 */
export type DashboardFilterName<C extends EmbedCatalog = LooseCatalog> = {
  [Id in DashboardId<C>]: keyof DashboardFilters<C, Id> & string;
}[DashboardId<C>];
