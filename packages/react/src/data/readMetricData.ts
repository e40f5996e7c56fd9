import type { MetricData } from '@databrain-embed/core';
import { DatabrainError } from '@databrain-embed/core/errors';
import { isPlainObject } from '@databrain-embed/core/guards';

const isFiniteOrNull = (value: unknown): boolean =>
  value === null || (typeof value === 'number' && Number.isFinite(value));

/**
 * The first rule a metric-data answer breaks, as `field: rule`, or
 * `undefined` when it is one: rows a list of plain objects (each checked as
 * that only), columns a list of `{ name, dataType }`, the rest as typed.
 */
function problemOf(body: unknown): string | undefined {
  if (!isPlainObject(body)) return '(answer): must be a JSON object';
  if (typeof body.metricId !== 'string') return 'metricId: must be a string';
  if (typeof body.embedId !== 'string') return 'embedId: must be a string';
  if (!Array.isArray(body.rows)) return 'rows: must be a list';
  const row = body.rows.findIndex((item) => !isPlainObject(item));
  if (row !== -1) return `rows[${row}]: must be a plain object`;
  if (!Array.isArray(body.columns)) return 'columns: must be a list';
  const column = body.columns.findIndex(
    (item) => !isPlainObject(item) || typeof item.name !== 'string' || typeof item.dataType !== 'string',
  );
  if (column !== -1) return `columns[${column}]: must be { name, dataType }`;
  if (!Array.isArray(body.groupBy) || !body.groupBy.every((name) => typeof name === 'string'))
    return 'groupBy: must be a list of column names';
  if (!isFiniteOrNull(body.totalRecords)) return 'totalRecords: must be a number or null';
  const comparison = body.comparisonValue;
  if (typeof comparison !== 'string' && !isFiniteOrNull(comparison))
    return 'comparisonValue: must be a number, a string or null';
  return undefined;
}

/**
 * Checks a metric-data endpoint's answer without a schema library (none may
 * reach the browser bundle) and returns it typed; throws `DATA_SHAPE` naming
 * the field otherwise. `Row` is the caller's promise about each row.
 */
export function readMetricData<Row extends object>(body: unknown, source: string): MetricData<Row> {
  const problem = problemOf(body);
  if (problem !== undefined) {
    throw new DatabrainError(
      'DATA_SHAPE',
      `${source} answered something that is no metric data: ${problem}.`,
    );
  }
  return body as MetricData<Row>;
}
