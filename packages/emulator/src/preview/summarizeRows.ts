import type { EmulatorRow } from '../emulatorSeed.ts';
import { type PreviewColumn, readColumns } from '../readColumns.ts';

/**
 * One bar of the preview chart: the measure of one month, or of one value
 * of a text column.
 *
 * @example
 * ```ts
 * import type { ChartBar } from '@databrain-embed/emulator/elements';
 * const bar: ChartBar = { key: '2024-01', label: 'Jan', value: 1200, share: 0.39 };
 * ```
 */
export interface ChartBar {
  /** `YYYY-MM` for a month, else the text value. */
  readonly key: string;
  /** Shown under the bar: a short month name, or the text value. */
  readonly label: string;
  readonly value: number;
  /** `value` against the chart's top tick, from 0 to 1: the bar's height. */
  readonly share: number;
}

/**
 * What the preview shows about the rows a token may see, whatever their
 * columns: KPI figures of a number column (`amount` when there is one, else
 * the first), the share of `true` in a boolean column (`recurring` first),
 * and bars of that number (or of the row count) per month of the first date
 * column, else per value of a text column.
 *
 * @example
 * ```ts
 * import type { RowSummary } from '@databrain-embed/emulator/elements';
 * const empty: RowSummary = { rowCount: 0, measure: undefined, total: 0, average: 0, flag: undefined,
 *   flagShare: 0, groupBy: undefined, bars: [], axisTicks: [1, 0.5, 0] };
 * ```
 */
export interface RowSummary {
  readonly rowCount: number;
  /** The number column summed; `undefined` when there is none (bars then count rows). */
  readonly measure: string | undefined;
  /** Sum of `measure` over the rows (0 without one). */
  readonly total: number;
  /** `total` per row, rounded (0 without rows). */
  readonly average: number;
  /** The boolean column whose share of `true` is shown, if any. */
  readonly flag: string | undefined;
  /** Share of rows with `flag` true, from 0 to 1. */
  readonly flagShare: number;
  /** What the bars are per: `month` (of a date column) or a text column's name; `undefined`: no bars. */
  readonly groupBy: string | undefined;
  /** Months oldest first; text values largest first (at most 12). */
  readonly bars: readonly ChartBar[];
  /** Values of the y axis, from the top tick down to 0. */
  readonly axisTicks: readonly number[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// More bars than this would not fit a card's width.
const MAX_BARS = 12;

/** The smallest 1, 2 or 5 × 10ⁿ at or above `value`, so the axis reads in round numbers. */
function roundUp(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((factor) => factor * magnitude >= value) ?? 10;
  return step * magnitude;
}

/** The column named `preferred` if it has `type`, else the first column of that type. */
function pick(
  columns: readonly PreviewColumn[],
  type: PreviewColumn['type'],
  preferred: string,
): string | undefined {
  const ofType = columns.filter((column) => column.type === type);
  return (ofType.find((column) => column.name === preferred) ?? ofType[0])?.name;
}

/** How rows are grouped into bars: by month of a date column, or by a text column that varies. */
function grouping(
  rows: readonly EmulatorRow[],
  columns: readonly PreviewColumn[],
): { column: string; byMonth: boolean } | undefined {
  const date = pick(columns, 'date', 'date');
  if (date !== undefined) return { column: date, byMonth: true };
  const texts = columns.filter((column) => column.type === 'string').map((column) => column.name);
  // A column with one value (the tenant, for one tenant's token) makes a single bar: prefer one that varies.
  const varying = texts.find((name) => new Set(rows.map((row) => row[name])).size > 1);
  const column = varying ?? texts[0];
  return column === undefined ? undefined : { column, byMonth: false };
}

/**
 * Sums the rows a token may see into KPI figures and a chart with a round
 * top tick. `columns` defaults to the ones read from `rows`; the preview
 * passes the embed's, so that an empty result keeps its labels.
 *
 * @example
 * ```ts
 * import { summarizeRows } from '@databrain-embed/emulator/elements';
 * summarizeRows(rows).bars.map((bar) => bar.label); // ['Jan', 'Feb', 'Mar', 'Apr']
 * ```
 */
export function summarizeRows(
  rows: readonly EmulatorRow[],
  columns: readonly PreviewColumn[] = readColumns(rows),
): RowSummary {
  const measure = pick(columns, 'number', 'amount');
  const flag = pick(columns, 'boolean', 'recurring');
  const group = grouping(rows, columns);
  const totals = new Map<string, number>();
  let total = 0;
  let flagged = 0;
  for (const row of rows) {
    const cell = measure === undefined ? undefined : row[measure];
    const value = measure === undefined ? 1 : typeof cell === 'number' ? cell : 0;
    total += measure === undefined ? 0 : value;
    if (flag !== undefined && row[flag] === true) flagged += 1;
    const key = group === undefined ? undefined : row[group.column];
    if (key === undefined || key === null) continue;
    const bucket = group?.byMonth ? String(key).slice(0, 7) : String(key);
    totals.set(bucket, (totals.get(bucket) ?? 0) + value);
  }
  const entries = group?.byMonth
    ? [...totals].sort(([left], [right]) => left.localeCompare(right))
    : [...totals].sort(([, left], [, right]) => right - left).slice(0, MAX_BARS);
  const top = roundUp(Math.max(0, ...entries.map(([, value]) => value)));
  const bars = entries.map(([key, value]) => ({
    key,
    label: group?.byMonth ? (MONTHS[Number(key.slice(5, 7)) - 1] ?? key) : key,
    value,
    share: value / top,
  }));
  return {
    rowCount: rows.length,
    measure,
    total,
    average: rows.length === 0 ? 0 : Math.round(total / rows.length),
    flag,
    flagShare: rows.length === 0 ? 0 : flagged / rows.length,
    groupBy: group === undefined ? undefined : group.byMonth ? 'month' : group.column,
    bars,
    axisTicks: [top, top / 2, 0],
  };
}
