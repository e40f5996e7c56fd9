import * as z from 'zod';
import { PAGINATION_FIELDS, toQueryRecord } from './listQuery.ts';
import { plainData } from './plainData.ts';
import { requiredText } from './requiredText.ts';
import { validate } from './validate.ts';

/**
 * Query of `GET /api/v2/data-app/metrics`: the metrics one tenant may query
 * in one embed. With `isPagination`, DataBrain answers ten per page;
 * `pageNumber` counts from 1. `isMetric: true` leaves out the embed's other
 * items (elements, summaries).
 *
 * @example
 * ```ts
 * import type { MetricListQuery } from '@databrain-embed/core';
 * const query: MetricListQuery = { embedId: 'sales-overview', clientId: 'acme', isMetric: true };
 * ```
 */
export interface MetricListQuery {
  embedId: string;
  /** The tenant: metrics its users created are listed only for it. */
  clientId: string;
  isPagination?: boolean;
  pageNumber?: number;
  isMetric?: boolean;
}

/**
 * One metric of an embed, as `GET /api/v2/data-app/metrics` lists it.
 * `isPublished` and `createdByUser` appear in some versions of DataBrain's
 * answer only.
 *
 * @example
 * ```ts
 * import type { EmbedMetric } from '@databrain-embed/core';
 * const metric: EmbedMetric = { name: 'Total revenue', metricId: 'total-revenue', createdByUser: null };
 * ```
 */
export interface EmbedMetric {
  name: string;
  /** What `metricId` of a metric query names. */
  metricId: string;
  /** Unpublished metrics are hidden from end users but not deleted. */
  isPublished?: boolean;
  /** The user who created the metric, or `null` for one created in DataBrain. */
  createdByUser?: string | null;
}

/**
 * Success body of `GET /api/v2/data-app/metrics`.
 *
 * @example
 * ```ts
 * import type { MetricListResponse } from '@databrain-embed/core';
 * const response: MetricListResponse = { data: [{ name: 'Revenue', metricId: 'revenue' }] };
 * ```
 */
export interface MetricListResponse {
  data: EmbedMetric[];
}

const metricListQuerySchema = plainData(
  z.strictObject({
    embedId: requiredText(),
    clientId: requiredText(),
    ...PAGINATION_FIELDS,
    isMetric: z.boolean({ error: 'must be a boolean (true or false)' }).exactOptional(),
  }),
);

/**
 * Validates a {@link MetricListQuery} and turns it into the string record
 * DataBrain expects, ready for `URLSearchParams` (booleans as `"true"` /
 * `"false"`). Absent fields are left out. Throws a `DatabrainValidationError`
 * naming every invalid field.
 *
 * @example
 * ```ts
 * import { buildMetricListQuery } from '@databrain-embed/core';
 * new URLSearchParams(buildMetricListQuery({ embedId: 'sales-overview', clientId: 'acme' })).toString();
 * // 'embedId=sales-overview&clientId=acme'
 * ```
 */
export function buildMetricListQuery(query: MetricListQuery): Record<string, string> {
  return toQueryRecord(validate(metricListQuerySchema, query, 'metric list query'));
}

const embedMetricSchema: z.ZodType<EmbedMetric, unknown> = z
  .looseObject({
    name: z.string({ error: 'must be a string' }),
    metricId: requiredText(),
  })
  .transform((item): EmbedMetric => {
    const metric: EmbedMetric = { name: item.name, metricId: item.metricId };
    if (typeof item.isPublished === 'boolean') metric.isPublished = item.isPublished;
    if (typeof item.createdByUser === 'string' || item.createdByUser === null)
      metric.createdByUser = item.createdByUser;
    return metric;
  });

/**
 * Reads a `GET /api/v2/data-app/metrics` answer: `data` must list objects
 * with a string `name` and a non-empty `metricId`; the optional fields are
 * kept when they have their documented type. Other fields are dropped.
 *
 * @example
 * ```ts
 * import { metricListResponseSchema } from '@databrain-embed/core';
 * metricListResponseSchema.safeParse({ data: [{ name: 'Revenue', metricId: 'revenue' }] }).success; // true
 * ```
 */
export const metricListResponseSchema: z.ZodType<MetricListResponse, unknown> = z
  .looseObject({ data: z.array(embedMetricSchema, { error: 'must be a list of metrics' }) })
  .transform((body): MetricListResponse => ({ data: body.data }));
