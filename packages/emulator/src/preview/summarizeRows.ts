import type { SampleRow } from '../sampleData.ts';

/**
 * One bar of the preview chart: the amount of one month.
 *
 * @example
 * ```ts
 * import type { ChartBar } from '@databrain-embed/emulator/elements';
 * const bar: ChartBar = { month: '2024-01', label: 'Jan', value: 1200, share: 0.39 };
 * ```
 */
export interface ChartBar {
  /** `YYYY-MM`. */
  readonly month: string;
  /** Short month name shown under the bar. */
  readonly label: string;
  readonly value: number;
  /** `value` against the chart's top tick, from 0 to 1: the bar's height. */
  readonly share: number;
}

/**
 * What the preview shows about the rows a token may see: the KPI tiles and
 * the chart's bars and axis.
 *
 * @example
 * ```ts
 * import type { RowSummary } from '@databrain-embed/emulator/elements';
 * const empty: RowSummary = { rowCount: 0, totalAmount: 0, averageAmount: 0, recurringShare: 0, bars: [], axisTicks: [0] };
 * ```
 */
export interface RowSummary {
  readonly rowCount: number;
  readonly totalAmount: number;
  readonly averageAmount: number;
  /** Share of rows with `recurring: true`, from 0 to 1. */
  readonly recurringShare: number;
  /** Amount per month, oldest first. */
  readonly bars: readonly ChartBar[];
  /** Values of the y axis, from the top tick down to 0. */
  readonly axisTicks: readonly number[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The smallest 1, 2 or 5 × 10ⁿ at or above `value`, so the axis reads in round numbers. */
function roundUp(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((factor) => factor * magnitude >= value) ?? 10;
  return step * magnitude;
}

/**
 * Sums the rows a token may see into KPI figures and an amount-per-month
 * chart with a round top tick.
 *
 * @example
 * ```ts
 * import { summarizeRows } from '@databrain-embed/emulator/elements';
 * summarizeRows(rows).bars.map((bar) => bar.label); // ['Jan', 'Feb', 'Mar', 'Apr']
 * ```
 */
export function summarizeRows(rows: readonly SampleRow[]): RowSummary {
  const totals = new Map<string, number>();
  let totalAmount = 0;
  let recurring = 0;
  for (const row of rows) {
    const month = row.date.slice(0, 7);
    totals.set(month, (totals.get(month) ?? 0) + row.amount);
    totalAmount += row.amount;
    if (row.recurring) recurring += 1;
  }
  const top = roundUp(Math.max(0, ...totals.values()));
  const bars = [...totals.entries()]
    .sort(([left], [right]) => left.localeCompare(right))
    .map(([month, value]) => ({
      month,
      label: MONTHS[Number(month.slice(5, 7)) - 1] ?? month,
      value,
      share: value / top,
    }));
  return {
    rowCount: rows.length,
    totalAmount,
    averageAmount: rows.length === 0 ? 0 : Math.round(totalAmount / rows.length),
    recurringShare: rows.length === 0 ? 0 : recurring / rows.length,
    bars,
    axisTicks: [top, top / 2, 0],
  };
}
