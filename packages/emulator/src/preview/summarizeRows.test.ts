import { describe, expect, it } from 'vitest';
import { SAMPLE_ROWS, type SampleRow } from '../sampleData.ts';
import { summarizeRows } from './summarizeRows.ts';

const row = (date: string, amount: number, recurring = false): SampleRow => ({
  tenant: 'acme',
  region: 'EMEA',
  country: 'Germany',
  product: 'Analytics',
  amount,
  date,
  recurring,
});

describe('summarizeRows', () => {
  it('sums the amount per month, oldest first, against a round top tick', () => {
    const summary = summarizeRows([row('2024-03-02', 300), row('2024-01-15', 1200), row('2024-03-20', 150)]);
    expect(summary.bars).toEqual([
      { month: '2024-01', label: 'Jan', value: 1200, share: 0.6 },
      { month: '2024-03', label: 'Mar', value: 450, share: 0.225 },
    ]);
    expect(summary.axisTicks).toEqual([2000, 1000, 0]);
  });

  it('computes the KPI figures of the rows', () => {
    const summary = summarizeRows([
      row('2024-01-01', 100, true),
      row('2024-02-01', 250),
      row('2024-02-09', 51),
    ]);
    expect(summary.rowCount).toBe(3);
    expect(summary.totalAmount).toBe(401);
    expect(summary.averageAmount).toBe(134);
    expect(summary.recurringShare).toBeCloseTo(1 / 3);
  });

  it('gives one bar per month of the acme sample rows, the tallest under the top tick', () => {
    const summary = summarizeRows(SAMPLE_ROWS.filter((sample) => sample.tenant === 'acme'));
    expect(summary.bars.map((bar) => bar.label)).toEqual(['Jan', 'Feb', 'Mar', 'Apr']);
    expect(Math.max(...summary.bars.map((bar) => bar.share))).toBeLessThanOrEqual(1);
    expect(summary.axisTicks[0]).toBe(5000);
  });

  it('summarizes no rows as zeros and no bars', () => {
    expect(summarizeRows([])).toEqual({
      rowCount: 0,
      totalAmount: 0,
      averageAmount: 0,
      recurringShare: 0,
      bars: [],
      axisTicks: [1, 0.5, 0],
    });
  });
});
