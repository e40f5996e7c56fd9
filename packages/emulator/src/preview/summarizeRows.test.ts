import { describe, expect, it } from 'vitest';
import { readColumns } from '../readColumns.ts';
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
      { key: '2024-01', label: 'Jan', value: 1200, share: 0.6 },
      { key: '2024-03', label: 'Mar', value: 450, share: 0.225 },
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
    expect(summary).toMatchObject({ measure: 'amount', total: 401, average: 134, flag: 'recurring' });
    expect(summary.flagShare).toBeCloseTo(1 / 3);
    expect(summary.groupBy).toBe('month');
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
      measure: undefined,
      total: 0,
      average: 0,
      flag: undefined,
      flagShare: 0,
      groupBy: undefined,
      bars: [],
      axisTicks: [1, 0.5, 0],
    });
  });

  it('keeps the labels of the given columns when no row is left', () => {
    const columns = readColumns(SAMPLE_ROWS);
    expect(summarizeRows([], columns)).toMatchObject({
      measure: 'amount',
      flag: 'recurring',
      groupBy: 'month',
    });
  });

  it("sums a team's own number column per value of a text column that varies, largest first", () => {
    const orders = [
      { tenant: 'acme', status: 'shipped', total: 120.5, gift: true },
      { tenant: 'acme', status: 'open', total: 40, gift: false },
      { tenant: 'acme', status: 'shipped', total: 79.5, gift: null },
      { tenant: 'acme', status: null, total: 10, gift: false },
    ];
    const summary = summarizeRows(orders);
    expect(summary).toMatchObject({
      measure: 'total',
      total: 250,
      average: 63,
      flag: 'gift',
      groupBy: 'status',
    });
    expect(summary.flagShare).toBe(0.25);
    // The tenant column has one value here, so the bars are per status; a null status is in no bar.
    expect(summary.bars.map((bar) => [bar.label, bar.value])).toEqual([
      ['shipped', 200],
      ['open', 40],
    ]);
    expect(summary.axisTicks).toEqual([200, 100, 0]);
  });

  it('counts rows when there is no number column, and makes no bars without a date or text column', () => {
    const counted = summarizeRows([{ city: 'Lyon' }, { city: 'Oslo' }, { city: 'Lyon' }]);
    expect(counted).toMatchObject({ measure: undefined, total: 0, groupBy: 'city' });
    expect(counted.bars.map((bar) => [bar.key, bar.value])).toEqual([
      ['Lyon', 2],
      ['Oslo', 1],
    ]);
    const flat = summarizeRows([{ score: 3 }, { score: 4 }]);
    expect(flat).toMatchObject({ measure: 'score', total: 7, groupBy: undefined, bars: [] });
  });

  it('keeps the twelve largest values of a text column', () => {
    const rows = Array.from({ length: 15 }, (_, index) => ({ sku: `sku-${index}`, units: index }));
    const { bars } = summarizeRows(rows);
    expect(bars).toHaveLength(12);
    expect(bars[0]).toMatchObject({ key: 'sku-14', value: 14 });
    expect(bars.at(-1)).toMatchObject({ key: 'sku-3', value: 3 });
  });
});
