import type { EmulatorRow } from './emulatorSeed.ts';

/**
 * The kind of values a column holds, read from its rows: `date` for ISO date
 * strings (`2024-01-31`, `2024-01-31T09:00:00Z`).
 *
 * @example
 * ```ts
 * import type { ColumnType } from '@databrain-embed/emulator';
 * const type: ColumnType = 'date';
 * ```
 */
export type ColumnType = 'string' | 'number' | 'boolean' | 'date';

/**
 * One column of the rows a preview serves: its name and the kind of its values.
 *
 * @example
 * ```ts
 * import type { PreviewColumn } from '@databrain-embed/emulator';
 * const column: PreviewColumn = { name: 'amount', type: 'number' };
 * ```
 */
export interface PreviewColumn {
  readonly name: string;
  readonly type: ColumnType;
}

/** A date, optionally with a time: what DataBrain's date filters compare by. */
export const ISO_DATE: RegExp =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** The kind of one non-null cell; `date` only for an ISO date string. */
export function cellType(value: string | number | boolean): ColumnType {
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return ISO_DATE.test(value) ? 'date' : 'string';
}

/**
 * The columns of `rows`, in the order they first appear, each typed by its
 * non-null values: `number`, `boolean`, `date` when every value is an ISO
 * date string, else `string` (also for a column that is always `null`).
 *
 * @example
 * ```ts
 * import { readColumns } from '@databrain-embed/emulator';
 * readColumns([{ tenant: 'acme', total: 12.5, placedAt: '2024-03-02' }]);
 * // [{ name: 'tenant', type: 'string' }, { name: 'total', type: 'number' }, { name: 'placedAt', type: 'date' }]
 * ```
 */
export function readColumns(rows: readonly EmulatorRow[]): PreviewColumn[] {
  const types = new Map<string, ColumnType | undefined>();
  for (const row of rows) {
    for (const [name, value] of Object.entries(row)) {
      const seen = types.get(name);
      if (value === null) {
        if (!types.has(name)) types.set(name, undefined);
        continue;
      }
      const type = cellType(value);
      // A column of dates and other strings is a text column.
      if (seen === undefined) types.set(name, type);
      else if (seen !== type) types.set(name, seen === 'date' || type === 'date' ? 'string' : seen);
    }
  }
  return [...types].map(([name, type]) => ({ name, type: type ?? 'string' }));
}
