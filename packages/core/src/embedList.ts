import * as z from 'zod';
import { PAGINATION_FIELDS, toQueryRecord } from './listQuery.ts';
import { plainData } from './plainData.ts';
import { requiredText } from './requiredText.ts';
import { validate } from './validate.ts';

/**
 * Query of `GET /api/v2/data-app/embeds`: the embeds of the data app whose
 * API key is used. With `isPagination`, DataBrain answers ten per page;
 * `pageNumber` counts from 1. `clientId` lists only the embeds of that tenant.
 *
 * @example
 * ```ts
 * import type { EmbedListQuery } from '@databrain-embed/core';
 * const query: EmbedListQuery = { isPagination: true, pageNumber: 2 };
 * ```
 */
export interface EmbedListQuery {
  isPagination?: boolean;
  pageNumber?: number;
  clientId?: string;
}

/**
 * One embed, as `GET /api/v2/data-app/embeds` lists it: `embedId` is what
 * the front end passes as `dashboard-id` or `metric-id`, and what a metric
 * query names. The dashboard or metric behind it comes in
 * `externalDashboard` or `externalMetric` (the other is `null`).
 *
 * @example
 * ```ts
 * import type { EmbedSummary } from '@databrain-embed/core';
 * const embed: EmbedSummary = {
 *   embedId: 'sales-overview',
 *   embedType: 'dashboard',
 *   name: 'Sales overview',
 *   externalDashboard: { externalDashboardId: 'sales', name: 'Sales' },
 *   externalMetric: null,
 * };
 * ```
 */
export interface EmbedSummary {
  embedId: string;
  embedType: 'dashboard' | 'metric';
  /** The embed's own name; older answers leave it out. */
  name?: string;
  externalDashboard: { externalDashboardId?: string; name: string } | null;
  externalMetric: { metricId?: string; name: string } | null;
}

/**
 * Success body of `GET /api/v2/data-app/embeds`.
 *
 * @example
 * ```ts
 * import type { EmbedListResponse } from '@databrain-embed/core';
 * const response: EmbedListResponse = { data: [] };
 * ```
 */
export interface EmbedListResponse {
  data: EmbedSummary[];
}

const embedListQuerySchema = plainData(
  z.strictObject({
    ...PAGINATION_FIELDS,
    clientId: requiredText().exactOptional(),
  }),
);

/**
 * Validates an {@link EmbedListQuery} and turns it into the string record
 * DataBrain expects, ready for `URLSearchParams`. Absent fields are left out.
 * Throws a `DatabrainValidationError` naming every invalid field.
 *
 * @example
 * ```ts
 * import { buildEmbedListQuery } from '@databrain-embed/core';
 * new URLSearchParams(buildEmbedListQuery({ isPagination: true, pageNumber: 2 })).toString();
 * // 'isPagination=true&pageNumber=2'
 * ```
 */
export function buildEmbedListQuery(query: EmbedListQuery = {}): Record<string, string> {
  return toQueryRecord(validate(embedListQuerySchema, query, 'embed list query'));
}

const named = z.looseObject({ name: z.string({ error: 'must be a string' }) });
const optionalText = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

const embedSummarySchema: z.ZodType<EmbedSummary, unknown> = z
  .looseObject({
    embedId: requiredText(),
    embedType: z.enum(['dashboard', 'metric'], { error: 'must be "dashboard" or "metric"' }),
    externalDashboard: named.nullish(),
    externalMetric: named.nullish(),
  })
  .transform((item): EmbedSummary => {
    const dashboard = item.externalDashboard;
    const metric = item.externalMetric;
    const dashboardId = optionalText(dashboard?.externalDashboardId);
    const metricId = optionalText(metric?.metricId);
    const summary: EmbedSummary = {
      embedId: item.embedId,
      embedType: item.embedType,
      externalDashboard: dashboard
        ? { name: dashboard.name, ...(dashboardId === undefined ? {} : { externalDashboardId: dashboardId }) }
        : null,
      externalMetric: metric ? { name: metric.name, ...(metricId === undefined ? {} : { metricId }) } : null,
    };
    const name = optionalText(item.name);
    if (name !== undefined) summary.name = name;
    return summary;
  });

/**
 * Reads a `GET /api/v2/data-app/embeds` answer: `data` must list embeds with
 * a non-empty `embedId` and an `embedType` of `dashboard` or `metric`; the
 * dashboard or metric behind each is kept by name and id. Other fields (the
 * access settings older answers carried, timestamps) are dropped.
 *
 * @example
 * ```ts
 * import { embedListResponseSchema } from '@databrain-embed/core';
 * embedListResponseSchema.safeParse({ data: [{ embedId: 'x', embedType: 'chart' }] }).success; // false
 * ```
 */
export const embedListResponseSchema: z.ZodType<EmbedListResponse, unknown> = z
  .looseObject({ data: z.array(embedSummarySchema, { error: 'must be a list of embeds' }) })
  .transform((body): EmbedListResponse => ({ data: body.data }));
