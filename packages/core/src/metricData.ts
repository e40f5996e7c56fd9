import type { MetricColumn, MetricQueryFilters, MetricRow } from './metricQuery.ts';

/**
 * What a browser asks an app's metric-data endpoint for
 * (`createMetricDataHandler` on the server, `useMetricData` in React): a
 * metric, optionally its embed, and the filters the server lets the user
 * choose. Never the tenant or a security filter: the server decides those
 * from its session.
 *
 * @example
 * ```ts
 * import type { MetricDataRequest } from '@databrain-embed/core';
 * const body: MetricDataRequest = { metricId: 'total-revenue', filters: { region: 'EMEA' } };
 * ```
 */
export interface MetricDataRequest {
  metricId: string;
  /** The embed holding the metric; the server's default when left out. */
  embedId?: string;
  /** Filter name → value; names the server does not allow are dropped there. */
  filters?: MetricQueryFilters;
}

/**
 * What an app's metric-data endpoint answers: one metric's rows for the
 * signed-in user, with `Row` the shape of one row (checked only as a plain
 * object).
 *
 * @example
 * ```ts
 * import type { MetricData } from '@databrain-embed/core';
 * const answer: MetricData<{ region: string; amount: number }> = {
 *   metricId: 'total-revenue',
 *   embedId: 'sales-overview',
 *   rows: [{ region: 'EMEA', amount: 1200 }],
 *   columns: [{ name: 'region', dataType: 'string' }, { name: 'amount', dataType: 'number' }],
 *   groupBy: [],
 *   totalRecords: 1,
 *   comparisonValue: null,
 * };
 * ```
 */
export interface MetricData<Row extends object = MetricRow> {
  metricId: string;
  embedId: string;
  rows: Row[];
  columns: MetricColumn[];
  /** The columns the metric groups by. */
  groupBy: string[];
  /** How many rows the whole result has, when DataBrain says. */
  totalRecords: number | null;
  /** The comparison value, for a metric with comparison enabled. */
  comparisonValue: number | string | null;
}
