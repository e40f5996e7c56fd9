import {
  buildMetricQueryRequest,
  type MetricQueryFilters,
  type MetricQueryRequest,
  type MetricQueryResponse,
} from '@databrain-embed/core';
import { isRecord } from '@databrain-embed/core/internal';
import { EmulatorHttpError } from '../EmulatorHttpError.ts';
import { DEFAULT_TENANT_COLUMN, type EmulatorRow } from '../emulatorSeed.ts';
import { applyTenancy, type EmbedFilters, filterRows } from '../filterRows.ts';
import { metricsOfEmbed } from '../metricsOfEmbed.ts';
import { readColumns } from '../readColumns.ts';
import { SAMPLE_ROWS } from '../sampleData.ts';
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

/**
 * Runs a metric on its table: the tenant's rows (`clientId`, through
 * `tenantColumn`), then the filters.
 */
export function runMetricQuery(
  rows: readonly EmulatorRow[],
  query: MetricQueryRequest,
  tenantColumn: string,
): EmulatorRow[] {
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
  return filterRows(applyTenancy(rows, query.clientId, tenantColumn), filters).rows;
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
  // A metric's own rows, else its embed's (both limited through the seed's
  // tenantColumn), else the sample table, whose tenant column is `tenant`.
  const own = metric.rows ?? embed.rows;
  const table = own ?? SAMPLE_TABLE;
  const rows = runMetricQuery(table, query, own === undefined ? DEFAULT_TENANT_COLUMN : state.tenantColumn);
  const answer: MetricQueryResponse<EmulatorRow> & { error: null } = {
    data: rows,
    timeTaken: Math.round(performance.now() - started),
    // Comparison is a metric setting the emulator does not model.
    comparisonValue: null,
    totalRecords: rows.length,
    metaData: {
      columns: readColumns(table).map((column) => ({ name: column.name, dataType: column.type })),
      groupbyColumnList: [],
    },
    metricid: metric.metricId,
    error: null,
  };
  return { status: 200, body: answer };
}

/** `POST /api/v2/data-app/query`. */
export const metricQueryRoute: RouteHandlers = { POST: queryMetric };
