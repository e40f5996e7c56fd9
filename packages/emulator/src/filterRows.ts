import { isRecord } from '@databrain-embed/core/internal';
import type { SampleRow } from './sampleData.ts';

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

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

/** The predicate a filter value stands for, `'sql'`, or `undefined` when it does not fit `sample`. */
function predicateFor(value: unknown, sample: unknown): Predicate | 'sql' | undefined {
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
    if (typeof sample !== 'string' || !ISO_DATE.test(sample)) return undefined;
    const start = value.startDate.slice(0, 10);
    const end = value.endDate.slice(0, 10);
    return (cell) => typeof cell === 'string' && cell.slice(0, 10) >= start && cell.slice(0, 10) <= end;
  }
  if (typeof value.min === 'number' || typeof value.max === 'number') {
    if (typeof sample !== 'number') return undefined;
    const min = typeof value.min === 'number' ? value.min : Number.NEGATIVE_INFINITY;
    const max = typeof value.max === 'number' ? value.max : Number.POSITIVE_INFINITY;
    return (cell) => typeof cell === 'number' && cell >= min && cell <= max;
  }
  return undefined;
}

/**
 * Applies guest-token filters to rows the way DataBrain applies app filters
 * to a query: a filter whose name is a column restricts that column; others
 * are reported but change nothing.
 *
 * @example
 * ```ts
 * import { filterRows, SAMPLE_ROWS } from '@databrain-embed/emulator';
 * const { rows, reports } = filterRows(SAMPLE_ROWS, [
 *   { source: 'appFilters', target: 'revenue', values: { country: ['USA', 'Canada'] } },
 * ]);
 * ```
 */
export function filterRows(
  rows: readonly SampleRow[],
  filters: readonly EmbedFilters[],
): { rows: SampleRow[]; reports: FilterReport[] } {
  let kept = [...rows];
  const reports: FilterReport[] = [];
  const columns: ReadonlySet<string> = new Set(rows[0] ? Object.keys(rows[0]) : []);
  for (const filter of filters) {
    for (const [name, value] of Object.entries(filter.values)) {
      const base = {
        source: filter.source,
        target: filter.target,
        name,
        value,
        ...(filter.isShowOnUrl === undefined ? {} : { isShowOnUrl: filter.isShowOnUrl }),
      };
      const sample = rows[0] ? (rows[0] as unknown as Record<string, unknown>)[name] : undefined;
      const predicate = predicateFor(value, sample);
      if (predicate === 'sql') {
        reports.push({ ...base, status: 'sql' });
      } else if (!columns.has(name)) {
        reports.push({ ...base, status: 'no-column' });
      } else if (predicate === undefined) {
        reports.push({ ...base, status: 'unsupported' });
      } else {
        kept = kept.filter((row) => predicate((row as unknown as Record<string, unknown>)[name]));
        reports.push({ ...base, status: 'applied' });
      }
    }
  }
  return { rows: kept, reports };
}

/**
 * Row-level tenancy as DataBrain applies `clientId`: only the rows of that
 * tenant remain, so an id that is no tenant of the table sees no rows;
 * `'None'` (DataBrain's "no tenancy" value) keeps every row.
 *
 * @example
 * ```ts
 * import { applyTenancy, SAMPLE_ROWS } from '@databrain-embed/emulator';
 * applyTenancy(SAMPLE_ROWS, 'acme').every((row) => row.tenant === 'acme'); // true
 * ```
 */
export function applyTenancy(rows: readonly SampleRow[], clientId: string): SampleRow[] {
  return rows.filter((row) => clientId === 'None' || row.tenant === clientId);
}
