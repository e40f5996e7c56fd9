import * as z from 'zod';
import { DatabrainValidationError } from './DatabrainValidationError.ts';
import { filterEntriesIssues, type Issue, reportIssues } from './filterEntriesIssues.ts';
import { isPlainObject } from './isPlainObject.ts';
import { isRecord } from './isRecord.ts';
import { plainData } from './plainData.ts';
import { requiredText } from './requiredText.ts';
import { toValidationIssues, validate } from './validate.ts';

/**
 * The value of one filter in a metric query: any JSON value. DataBrain's
 * query page shows forms of its own (a date range as `{ start, end }`, where
 * guest tokens take `{ startDate, endDate }`) and documents no list of them,
 * so values are passed through as given, checked only as JSON.
 *
 * @example
 * ```ts
 * import type { MetricQueryFilterValue } from '@databrain-embed/core';
 * const period: MetricQueryFilterValue = { start: '2024-01-01', end: '2024-01-31' };
 * ```
 */
export type MetricQueryFilterValue =
  | string
  | number
  | boolean
  | null
  | readonly MetricQueryFilterValue[]
  | { readonly [key: string]: MetricQueryFilterValue };

/**
 * Filter name → value, as `dashboardFilter` and `metricFilter` of a metric
 * query take them.
 *
 * @example
 * ```ts
 * import type { MetricQueryFilters } from '@databrain-embed/core';
 * const filters: MetricQueryFilters = { region: 'EMEA', country: ['Germany', 'France'] };
 * ```
 */
export type MetricQueryFilters = Readonly<Record<string, MetricQueryFilterValue>>;

/**
 * Body of `POST /api/v2/data-app/query`: one metric of one embed, run for one
 * tenant. `clientId` and the filters decide which rows come back, so they are
 * set by your server, never taken from a browser.
 *
 * @example
 * ```ts
 * import type { MetricQueryRequest } from '@databrain-embed/core';
 * const body: MetricQueryRequest = {
 *   embedId: 'sales-overview',
 *   metricId: 'total-revenue',
 *   clientId: 'acme',
 *   metricFilter: { region: 'EMEA' },
 * };
 * ```
 */
export interface MetricQueryRequest {
  /** The embed the metric belongs to. */
  embedId: string;
  /** The metric to run. */
  metricId: string;
  /** The tenant, as in the guest token (`'None'` without tenancy): DataBrain applies its row-level rules. */
  clientId: string;
  /** Filters of the dashboard the metric sits on. */
  dashboardFilter?: MetricQueryFilters;
  /** Filters of the metric itself; DataBrain also uses them for row-level security. */
  metricFilter?: MetricQueryFilters;
  /** The datasource to run against, for a workspace with several. */
  datasourceName?: string;
}

/**
 * One row of a metric's result: column name → value.
 *
 * @example
 * ```ts
 * import type { MetricRow } from '@databrain-embed/core';
 * const row: MetricRow = { region: 'EMEA', revenue: 15000 };
 * ```
 */
export type MetricRow = Record<string, unknown>;

/**
 * A column of a metric's result, as `metaData.columns` lists it.
 *
 * @example
 * ```ts
 * import type { MetricColumn } from '@databrain-embed/core';
 * const column: MetricColumn = { name: 'revenue', dataType: 'number' };
 * ```
 */
export interface MetricColumn {
  name: string;
  /** DataBrain's name for the type, such as `number`, `string` or `date`. */
  dataType: string;
}

/**
 * Success body of `POST /api/v2/data-app/query`, with `Row` the shape of one
 * row (checked only as a plain object). Fields DataBrain leaves out or sends
 * in another type are `null` (or empty lists), so the rows are never lost to a
 * detail of the envelope.
 *
 * @example
 * ```ts
 * import type { MetricQueryResponse } from '@databrain-embed/core';
 * type Revenue = { region: string; revenue: number };
 * function total(answer: MetricQueryResponse<Revenue>): number {
 *   return answer.data.reduce((sum, row) => sum + row.revenue, 0);
 * }
 * ```
 */
export interface MetricQueryResponse<Row extends object = MetricRow> {
  /** The rows. */
  data: Row[];
  /** How long the query ran, in milliseconds. */
  timeTaken: number | null;
  /** The comparison value, for a metric with comparison enabled. */
  comparisonValue: number | string | null;
  /** How many rows the whole result has. */
  totalRecords: number | null;
  metaData: {
    columns: MetricColumn[];
    /** The columns the metric groups by. */
    groupbyColumnList: string[];
  };
  /** The metric that ran (DataBrain's echo of `metricId`, spelled `metricid`). */
  metricid: string | null;
}

// Deeper than any filter; a cyclic value stops here instead of looping.
const MAX_DEPTH = 16;

type Path = readonly (string | number)[];

function jsonValueIssues(value: unknown, path: Path, depth: number, issues: Issue[]): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) issues.push({ path, message: 'must be a finite number' });
    return;
  }
  if (depth > MAX_DEPTH) {
    issues.push({ path, message: `must not be nested deeper than ${MAX_DEPTH} levels` });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      jsonValueIssues(item, [...path, index], depth + 1, issues);
    });
    return;
  }
  if (typeof value === 'object') {
    // Non-plain objects and reserved keys were reported by plainData already.
    for (const [key, item] of Object.entries(value)) jsonValueIssues(item, [...path, key], depth + 1, issues);
    return;
  }
  issues.push({ path, message: 'must be a JSON value (string, number, boolean, null, list or object)' });
}

function metricQueryFiltersIssues(values: unknown): Issue[] {
  if (!isRecord(values)) return [{ path: [], message: 'must be an object mapping filter names to values' }];
  return filterEntriesIssues(values, (value) => {
    const issues: Issue[] = [];
    jsonValueIssues(value, [], 1, issues);
    return issues;
  });
}

/**
 * Validates a {@link MetricQueryFilters} object: non-empty names, each value JSON
 * (finite numbers, plain objects, no reserved keys). Messages name the rule,
 * never the value: filter values often carry tenant data.
 *
 * @example
 * ```ts
 * import { metricQueryFiltersSchema } from '@databrain-embed/core';
 * metricQueryFiltersSchema.safeParse({ region: 'EMEA' }).success; // true
 * metricQueryFiltersSchema.safeParse({ amount: Number.NaN }).success; // false
 * ```
 */
export const metricQueryFiltersSchema: z.ZodType<MetricQueryFilters> = plainData(
  z
    .custom<MetricQueryFilters>()
    .superRefine((values, ctx) => reportIssues(ctx, metricQueryFiltersIssues(values))),
);

/**
 * Validates a `POST /api/v2/data-app/query` body: `embedId`, `metricId` and
 * `clientId` non-empty, filters as {@link metricQueryFiltersSchema}, nothing else.
 *
 * @example
 * ```ts
 * import { metricQueryRequestSchema } from '@databrain-embed/core';
 * metricQueryRequestSchema.safeParse({ embedId: 'sales-overview', metricId: 'revenue' }).success; // false
 * ```
 */
export const metricQueryRequestSchema: z.ZodType<MetricQueryRequest> = plainData(
  z.strictObject({
    embedId: requiredText(),
    metricId: requiredText(),
    clientId: requiredText(),
    dashboardFilter: metricQueryFiltersSchema.exactOptional(),
    metricFilter: metricQueryFiltersSchema.exactOptional(),
    datasourceName: requiredText().exactOptional(),
  }),
);

/**
 * Validates a metric query and returns the body to send, unchanged. Throws a
 * `DatabrainValidationError` naming every invalid field, before any request.
 *
 * @example
 * ```ts
 * import { buildMetricQueryRequest } from '@databrain-embed/core';
 * const body = buildMetricQueryRequest({
 *   embedId: 'sales-overview',
 *   metricId: 'total-revenue',
 *   clientId: user.tenantId,
 *   metricFilter: { region: 'EMEA' },
 * });
 * ```
 */
export function buildMetricQueryRequest(input: MetricQueryRequest): MetricQueryRequest {
  return validate(metricQueryRequestSchema, input, 'metric query');
}

const finiteOrNull = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

function columnsOf(value: unknown): MetricColumn[] {
  if (!Array.isArray(value)) return [];
  const columns: MetricColumn[] = [];
  for (const item of value) {
    if (isPlainObject(item) && typeof item.name === 'string') {
      columns.push({
        name: item.name,
        dataType: typeof item.dataType === 'string' ? item.dataType : 'unknown',
      });
    }
  }
  return columns;
}

/**
 * Reads a `POST /api/v2/data-app/query` answer: `data` must be a list of
 * plain objects (each row checked only as that); every other field is taken
 * when it has the documented type and is `null` (or an empty list) otherwise.
 *
 * @example
 * ```ts
 * import { metricQueryResponseSchema } from '@databrain-embed/core';
 * metricQueryResponseSchema.safeParse({ data: [{ revenue: 1 }] }).data?.totalRecords; // null
 * metricQueryResponseSchema.safeParse({ data: 'rows' }).success; // false
 * ```
 */
export const metricQueryResponseSchema: z.ZodType<MetricQueryResponse, unknown> = z
  .unknown()
  .superRefine((body, ctx) => {
    if (!isPlainObject(body)) {
      ctx.addIssue({ code: 'custom', path: [], message: 'must be a JSON object' });
      return;
    }
    if (!Array.isArray(body.data)) {
      ctx.addIssue({ code: 'custom', path: ['data'], message: 'must be a list of rows' });
      return;
    }
    body.data.forEach((row, index) => {
      if (!isPlainObject(row))
        ctx.addIssue({ code: 'custom', path: ['data', index], message: 'must be a plain object (a row)' });
    });
  })
  .transform((body): MetricQueryResponse => {
    const answer = body as Record<string, unknown>;
    const meta = isPlainObject(answer.metaData) ? answer.metaData : {};
    const comparison = answer.comparisonValue;
    return {
      data: answer.data as MetricRow[],
      timeTaken: finiteOrNull(answer.timeTaken),
      comparisonValue:
        typeof comparison === 'string' || (typeof comparison === 'number' && Number.isFinite(comparison))
          ? comparison
          : null,
      totalRecords: finiteOrNull(answer.totalRecords),
      metaData: {
        columns: columnsOf(meta.columns),
        groupbyColumnList: Array.isArray(meta.groupbyColumnList)
          ? meta.groupbyColumnList.filter((name): name is string => typeof name === 'string')
          : [],
      },
      metricid: typeof answer.metricid === 'string' ? answer.metricid : null,
    };
  });

/**
 * {@link metricQueryResponseSchema} with the rows typed as `Row`: throws a
 * `DatabrainValidationError` when `data` is not a list of plain objects.
 * `Row` is your promise about the columns; only "a plain object" is checked.
 *
 * @example
 * ```ts
 * import { parseMetricQueryResponse } from '@databrain-embed/core';
 * const answer = parseMetricQueryResponse<{ region: string; revenue: number }>(await response.json());
 * answer.data[0]?.revenue;
 * ```
 */
export function parseMetricQueryResponse<Row extends object = MetricRow>(
  body: unknown,
): MetricQueryResponse<Row> {
  const result = metricQueryResponseSchema.safeParse(body);
  if (!result.success) {
    throw new DatabrainValidationError('metric query answer', toValidationIssues(result.error.issues));
  }
  return result.data as unknown as MetricQueryResponse<Row>;
}
