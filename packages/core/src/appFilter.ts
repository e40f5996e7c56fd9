import type * as z from 'zod';
import { closedObject } from './closedObject.ts';
import type { EmbedCatalog, FilterValuesFor, LooseCatalog, MetricFilters, MetricId } from './embedCatalog.ts';
import { type FilterValues, filterValuesSchema } from './filterValues.ts';
import { requiredText } from './requiredText.ts';
import { validate } from './validate.ts';

/**
 * A metric-level filter in a guest token (`params.appFilters[]`, and the
 * legacy `params.rlsSettings[]`): applied by DataBrain on the server, not
 * editable by the end user.
 *
 * @example
 * ```ts
 * import type { AppFilter } from '@databrain-embed/core';
 * const filter: AppFilter = { metricId: 'revenue', values: { country: 'USA' } };
 * ```
 */
export interface AppFilter {
  metricId: string;
  values: FilterValues;
}

/**
 * An {@link AppFilter} checked against a catalog: `metricId` is a declared
 * metric and `values` uses its declared filters. A union over every declared
 * metric, so the id selects which filters are allowed.
 *
 * @example
 * ```ts
 * import type { AppFilterFor } from '@databrain-embed/core';
 * type Embeds = { metrics: { revenue: { country: string } } };
 * const filter: AppFilterFor<Embeds> = { metricId: 'revenue', values: { country: 'USA' } };
 * ```
 */
export type AppFilterFor<C extends EmbedCatalog = LooseCatalog, Id extends MetricId<C> = MetricId<C>> = {
  [K in Id]: { metricId: K; values: FilterValuesFor<MetricFilters<C, K>> };
}[Id];

/**
 * Validates one {@link AppFilter}.
 *
 * @example
 * ```ts
 * import { appFilterSchema } from '@databrain-embed/core';
 * appFilterSchema.safeParse({ metricId: '', values: {} }).success; // false
 * ```
 */
export const appFilterSchema: z.ZodType<AppFilter> = closedObject(
  { metricId: requiredText(), values: filterValuesSchema },
  'must be an object',
);

/**
 * Builds a metric-level filter for `params.appFilters`. Throws
 * {@link DatabrainValidationError} for an empty id or an invalid value.
 * Use the one from {@link defineEmbeds} to have names and values checked
 * against your catalog.
 *
 * @example
 * ```ts
 * import { appFilter, numberRange } from '@databrain-embed/core';
 * appFilter('revenue', { country: ['USA', 'CANADA'], amount: numberRange(1000, 5000) });
 * ```
 */
export function appFilter(metricId: string, values: FilterValues): AppFilter {
  return validate(appFilterSchema, { metricId, values }, 'app filter');
}
