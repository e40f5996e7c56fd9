import { isRecord } from '@databrain-embed/core/internal';
import { DEFAULT_TENANT_COLUMN, type EmulatorRow } from './emulatorSeed.ts';
import { type ColumnType, type PreviewColumn, readColumns } from './readColumns.ts';

/**
 * What happened to one guest-token filter when the emulator served an embed.
 *
 * - `applied`: the filter name is a column and the rows were filtered by it.
 * - `sql`: an SQL-driven filter; listed, never run.
 * - `no-column`: no column has the filter's name, so nothing was filtered.
 * - `unsupported`: the value's form does not fit the column (e.g. a number
 *   range on a text column); nothing was filtered.
 *
 * @example
 * ```ts
 * import type { FilterReport } from '@databrain-embed/emulator';
 * const report: FilterReport = { source: 'appFilters', target: 'revenue', name: 'country',
 *   value: 'USA', status: 'applied' };
 * ```
 */
export interface FilterReport {
  readonly source: 'appFilters' | 'dashboardAppFilters';
  /** The metric or dashboard embed the filter targets. */
  readonly target: string;
  readonly name: string;
  readonly value: unknown;
  readonly status: 'applied' | 'sql' | 'no-column' | 'unsupported';
  /** `dashboardAppFilters` only: whether DataBrain would show it in the URL. */
  readonly isShowOnUrl?: boolean;
}

/**
 * The filters of one guest token that target one embed.
 *
 * @example
 * ```ts
 * import type { EmbedFilters } from '@databrain-embed/emulator';
 * const filters: EmbedFilters = { source: 'appFilters', target: 'revenue', values: { country: 'USA' } };
 * ```
 */
export interface EmbedFilters {
  readonly source: 'appFilters' | 'dashboardAppFilters';
  readonly target: string;
  readonly values: Readonly<Record<string, unknown>>;
  readonly isShowOnUrl?: boolean;
}

type Predicate = (cell: unknown) => boolean;

/** The predicate a filter value stands for, `'sql'`, or `undefined` when it does not fit a column of `type`. */
function predicateFor(value: unknown, type: ColumnType | undefined): Predicate | 'sql' | undefined {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return (cell) => cell === value || String(cell) === String(value);
  }
  if (Array.isArray(value)) {
    const wanted = new Set(value.map(String));
    return (cell) => wanted.has(String(cell));
  }
  if (!isRecord(value)) return undefined;
  if (typeof value.sql === 'string') return 'sql';
  if (typeof value.startDate === 'string' && typeof value.endDate === 'string') {
    if (type !== 'date') return undefined;
    const start = value.startDate.slice(0, 10);
    const end = value.endDate.slice(0, 10);
    return (cell) => typeof cell === 'string' && cell.slice(0, 10) >= start && cell.slice(0, 10) <= end;
  }
  if (typeof value.min === 'number' || typeof value.max === 'number') {
    if (type !== 'number') return undefined;
    const min = typeof value.min === 'number' ? value.min : Number.NEGATIVE_INFINITY;
    const max = typeof value.max === 'number' ? value.max : Number.POSITIVE_INFINITY;
    return (cell) => typeof cell === 'number' && cell >= min && cell <= max;
  }
  return undefined;
}

/**
 * Applies guest-token filters to rows the way DataBrain applies app filters
 * to a query: a filter whose name is a column restricts that column; others
 * are reported but change nothing. `columns` (default: read from `rows`)
 * says which columns exist and what they hold, so that a filter is judged
 * the same whether or not any row is left.
 *
 * @example
 * ```ts
 * import { filterRows, SAMPLE_ROWS } from '@databrain-embed/emulator';
 * const { rows, reports } = filterRows(SAMPLE_ROWS, [
 *   { source: 'appFilters', target: 'revenue', values: { country: ['USA', 'Canada'] } },
 * ]);
 * ```
 */
export function filterRows<Row extends EmulatorRow>(
  rows: readonly Row[],
  filters: readonly EmbedFilters[],
  columns: readonly PreviewColumn[] = readColumns(rows),
): { rows: Row[]; reports: FilterReport[] } {
  let kept = [...rows];
  const reports: FilterReport[] = [];
  const types: ReadonlyMap<string, ColumnType> = new Map(columns.map((column) => [column.name, column.type]));
  for (const filter of filters) {
    for (const [name, value] of Object.entries(filter.values)) {
      const base = {
        source: filter.source,
        target: filter.target,
        name,
        value,
        ...(filter.isShowOnUrl === undefined ? {} : { isShowOnUrl: filter.isShowOnUrl }),
      };
      const predicate = predicateFor(value, types.get(name));
      if (predicate === 'sql') {
        reports.push({ ...base, status: 'sql' });
      } else if (!types.has(name)) {
        reports.push({ ...base, status: 'no-column' });
      } else if (predicate === undefined) {
        reports.push({ ...base, status: 'unsupported' });
      } else {
        kept = kept.filter((row) => predicate(row[name]));
        reports.push({ ...base, status: 'applied' });
      }
    }
  }
  return { rows: kept, reports };
}

/**
 * Row-level tenancy as DataBrain applies `clientId`: only the rows whose
 * `column` (default `tenant`) holds that tenant remain, so an id that is no
 * tenant of the table sees no rows; `'None'` (DataBrain's "no tenancy"
 * value) keeps every row. A numeric tenant matches its decimal text.
 *
 * @example
 * ```ts
 * import { applyTenancy, SAMPLE_ROWS } from '@databrain-embed/emulator';
 * applyTenancy(SAMPLE_ROWS, 'acme').every((row) => row.tenant === 'acme'); // true
 * applyTenancy(orders, 'acme', 'customer'); // rows whose `customer` is 'acme'
 * ```
 */
export function applyTenancy<Row extends EmulatorRow>(
  rows: readonly Row[],
  clientId: string,
  column: string = DEFAULT_TENANT_COLUMN,
): Row[] {
  if (clientId === 'None') return [...rows];
  return rows.filter((row) => {
    const tenant = row[column];
    return (typeof tenant === 'string' || typeof tenant === 'number') && String(tenant) === clientId;
  });
}
