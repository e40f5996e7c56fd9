import { describe, expect, it } from 'vitest';
import { applyTenancy, filterRows } from './filterRows.ts';
import { SAMPLE_ROWS } from './sampleData.ts';

const only = (values: Record<string, unknown>) =>
  filterRows(SAMPLE_ROWS, [{ source: 'appFilters', target: 'revenue', values }]);

describe('filterRows', () => {
  it('keeps rows equal to a string filter', () => {
    const { rows, reports } = only({ country: 'USA' });
    expect(rows.map((row) => row.country)).toEqual(['USA', 'USA', 'USA']);
    expect(reports[0]?.status).toBe('applied');
  });

  it('keeps rows in an array filter', () => {
    expect(new Set(only({ country: ['USA', 'Canada'] }).rows.map((row) => row.country))).toEqual(
      new Set(['USA', 'Canada']),
    );
  });

  it('matches numbers and booleans', () => {
    expect(only({ amount: 450 }).rows).toHaveLength(1);
    expect(only({ recurring: true }).rows.every((row) => row.recurring)).toBe(true);
  });

  it('applies a date range on date and a number range on amount, inclusively', () => {
    const dates = only({ date: { startDate: '2024-01-01', endDate: '2024-01-31' } }).rows;
    expect(dates.map((row) => row.date).sort()).toEqual(['2024-01-07', '2024-01-15', '2024-01-28']);
    const amounts = only({ amount: { min: 1000, max: 1600 } })
      .rows.map((row) => row.amount)
      .sort();
    expect(amounts).toEqual([1200, 1350, 1600]);
  });

  it('lists SQL filters and unknown columns without filtering', () => {
    const { rows, reports } = only({ country: { sql: 'SELECT 1', columnName: 'c' }, plan: 'gold' });
    expect(rows).toHaveLength(SAMPLE_ROWS.length);
    expect(reports.map((report) => report.status)).toEqual(['sql', 'no-column']);
  });

  it('reports a range on a text column as unsupported', () => {
    expect(only({ country: { min: 1, max: 2 } }).reports[0]?.status).toBe('unsupported');
  });
});

describe('applyTenancy', () => {
  it('limits rows to the tenant named by clientId', () => {
    const rows = applyTenancy(SAMPLE_ROWS, 'globex');
    expect(rows).toHaveLength(4);
    expect(rows.every((row) => row.tenant === 'globex')).toBe(true);
  });

  it('keeps every row for clientId None', () => {
    expect(applyTenancy(SAMPLE_ROWS, 'None')).toHaveLength(12);
  });

  it("shows a client id that is no tenant no rows, never another tenant's", () => {
    expect(applyTenancy(SAMPLE_ROWS, 'tenant-carol')).toEqual([]);
  });
});

describe("applyTenancy on a team's own rows", () => {
  const rows = [
    { org: 'acme', total: 1 },
    { org: 7, total: 2 },
    { org: null, total: 3 },
  ];

  it('limits rows through the given tenant column, a numeric tenant matching its text', () => {
    expect(applyTenancy(rows, 'acme', 'org')).toEqual([rows[0]]);
    expect(applyTenancy(rows, '7', 'org')).toEqual([rows[1]]);
    expect(applyTenancy(rows, 'null', 'org')).toEqual([]);
    expect(applyTenancy(rows, 'None', 'org')).toEqual(rows);
  });
});

describe('filterRows with the columns of the whole table', () => {
  it('judges a filter by the given columns when no row is left', () => {
    const columns = [{ name: 'amount', type: 'number' as const }];
    const { reports } = filterRows(
      [],
      [{ source: 'appFilters', target: 'revenue', values: { amount: { min: 1 } } }],
      columns,
    );
    expect(reports[0]?.status).toBe('applied');
  });
});
