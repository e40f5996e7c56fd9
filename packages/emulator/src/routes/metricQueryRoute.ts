import {
  buildMetricQueryRequest,
  type MetricQueryFilters,
  type MetricQueryRequest,
  type MetricQueryResponse,
} from '@databrain-embed/core';
import { describeColumns } from '../describeColumns.ts';
import { EmulatorHttpError } from '../EmulatorHttpError.ts';
import type { EmulatorRow } from '../emulatorSeed.ts';
import { applyTenancy, type EmbedFilters, filterRows } from '../filterRows.ts';
import { isRecord } from '../isRecord.ts';
import { metricsOfEmbed } from '../metricsOfEmbed.ts';
import { SAMPLE_ROWS, type SampleRow } from '../sampleData.ts';
import type { RouteContext, RouteHandlers, RouteResult } from './RouteContext.ts';
import { requireDataAppKey } from './requireDataAppKey.ts';
import { validated } from './validated.ts';

// The sample table as plain rows, the type a seeded metric's rows have.
const SAMPLE_TABLE: readonly EmulatorRow[] = SAMPLE_ROWS.map((row) => ({ ...row }));

const fail = (code: string, message: string): EmulatorHttpError =>
  EmulatorHttpError.documented('metricQuery', code, message);

/**
 * DataBrain's query page writes a date range `{ start, end }`, its guest
 * tokens `{ startDate, endDate }`: both filter a date column here.
 */
function asFilterValues(filters: MetricQueryFilters): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(filters)) {
    values[name] =
      isRecord(value) && typeof value.start === 'string' && typeof value.end === 'string'
        ? { startDate: value.start, endDate: value.end }
        : value;
  }
  return values;
}

/** Runs a metric on its table: the tenant's rows (`clientId`), then the filters. */
export function runMetricQuery(rows: readonly EmulatorRow[], query: MetricQueryRequest): EmulatorRow[] {
  const filters: EmbedFilters[] = [];
  if (query.dashboardFilter !== undefined) {
    filters.push({
      source: 'dashboardAppFilters',
      target: query.embedId,
      values: asFilterValues(query.dashboardFilter),
    });
  }
  if (query.metricFilter !== undefined) {
    filters.push({
      source: 'appFilters',
      target: query.metricId,
      values: asFilterValues(query.metricFilter),
    });
  }
  // The row helpers shared with the preview routes read any row by column
  // name; their type names the sample table's columns.
  const table = rows as unknown as readonly SampleRow[];
  return filterRows(applyTenancy(table, query.clientId), filters).rows as unknown as EmulatorRow[];
}

async function queryMetric(context: RouteContext): Promise<RouteResult> {
  const started = performance.now();
  const dataAppName = requireDataAppKey(context, 'metricQuery');
  const query = validated(
    'metricQuery',
    (body) => buildMetricQueryRequest(body as MetricQueryRequest),
    await context.json(),
  );
  const { state } = context;
  const embed = state.findEmbed(dataAppName, query.embedId);
  if (embed === undefined) {
    // One answer for "no such embed" and "another data app's embed", so a key
    // cannot be used to discover other data apps.
    throw fail('EMBED_PARAM_ERROR', 'Embed ID not found for this API key; check `embedId`.');
  }
  const metric = metricsOfEmbed(embed).find((candidate) => candidate.metricId === query.metricId);
  if (metric === undefined) {
    throw fail('INVALID_METRIC_ID', 'The metric is not part of this embed; check `metricId`.');
  }
  if (query.datasourceName !== undefined && !state.datasources.has(query.datasourceName)) {
    throw fail('DATASOURCE_NAME_ERROR', 'No datasource with this `datasourceName`.');
  }
  const table = metric.rows ?? SAMPLE_TABLE;
  const rows = runMetricQuery(table, query);
  const answer: MetricQueryResponse<EmulatorRow> & { error: null } = {
    data: rows,
    timeTaken: Math.round(performance.now() - started),
    // Comparison is a metric setting the emulator does not model.
    comparisonValue: null,
    totalRecords: rows.length,
    metaData: { columns: describeColumns(table), groupbyColumnList: [] },
    metricid: metric.metricId,
    error: null,
  };
  return { status: 200, body: answer };
}

/** `POST /api/v2/data-app/query`. */
export const metricQueryRoute: RouteHandlers = { POST: queryMetric };
