import type { MetricColumn } from '@databrain-embed/core';
import type { EmulatorRow } from './emulatorSeed.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

function dataTypeOf(value: unknown): string {
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string' && ISO_DATE.test(value)) return 'date';
  return 'string';
}

/**
 * The columns of a metric's table as `metaData.columns` lists them: every
 * column of its rows in order of first appearance, typed by the first value
 * that is not `null` (`number`, `boolean`, `date` for ISO dates, else
 * `string`). Taken from the whole table, so a query whose filters leave no
 * row still describes its columns.
 */
export function describeColumns(rows: readonly EmulatorRow[]): MetricColumn[] {
  const types = new Map<string, string | undefined>();
  for (const row of rows) {
    for (const [name, value] of Object.entries(row)) {
      if (types.get(name) === undefined) types.set(name, value === null ? undefined : dataTypeOf(value));
    }
  }
  return [...types].map(([name, dataType]) => ({ name, dataType: dataType ?? 'string' }));
}
