import { describe, expect, it } from 'vitest';
import { dateRange, filterValueSchema, filterValuesSchema, numberRange, sqlFilter } from './filterValues.ts';
import { issuesOf } from './issuesOf.test.helpers.ts';
import { validate } from './validate.ts';

describe('dateRange', () => {
  it('keeps ISO calendar dates as they are', () => {
    expect(dateRange('2024-01-01', '2024-03-23')).toEqual({ startDate: '2024-01-01', endDate: '2024-03-23' });
  });

  it('turns Dates into their UTC calendar date', () => {
    expect(dateRange(new Date('2024-01-01T00:00:00Z'), new Date('2024-12-31T23:59:59Z'))).toEqual({
      startDate: '2024-01-01',
      endDate: '2024-12-31',
    });
  });

  it('accepts a range of a single day', () => {
    expect(dateRange('2024-02-29', '2024-02-29')).toEqual({ startDate: '2024-02-29', endDate: '2024-02-29' });
  });

  it('rejects a start after the end, naming startDate', () => {
    expect(issuesOf(() => dateRange('2024-03-02', '2024-03-01'))).toEqual([
      { path: 'startDate', message: 'must not be after endDate' },
    ]);
  });

  it('rejects dates that are not YYYY-MM-DD or do not exist', () => {
    for (const bad of ['2024-1-01', '01/02/2024', '2023-02-29', '2024-13-01', '2024-01-01T00:00:00Z', '']) {
      expect(issuesOf(() => dateRange(bad, '2024-12-31'))[0]?.path).toBe('startDate');
      expect(issuesOf(() => dateRange('2024-01-01', bad))[0]?.path).toBe('endDate');
    }
  });

  it('rejects an invalid Date object', () => {
    expect(issuesOf(() => dateRange(new Date('nope'), '2024-01-01'))).toEqual([
      { path: 'startDate', message: 'must be a valid Date' },
    ]);
  });
});

describe('numberRange', () => {
  it('returns {min, max}', () => {
    expect(numberRange(1000, 5000)).toEqual({ min: 1000, max: 5000 });
    expect(numberRange(-1.5, -1.5)).toEqual({ min: -1.5, max: -1.5 });
  });

  it('rejects min greater than max', () => {
    expect(issuesOf(() => numberRange(2, 1))).toEqual([
      { path: 'min', message: 'must not be greater than max' },
    ]);
  });

  it('rejects bounds that are not finite', () => {
    expect(issuesOf(() => numberRange(Number.NaN, Number.POSITIVE_INFINITY))).toEqual([
      { path: 'min', message: 'must be a finite number' },
      { path: 'max', message: 'must be a finite number' },
    ]);
  });
});

describe('sqlFilter', () => {
  it('returns {sql, columnName}', () => {
    expect(sqlFilter('SELECT name FROM regions', 'name')).toEqual({
      sql: 'SELECT name FROM regions',
      columnName: 'name',
    });
  });

  it('rejects an empty query or column name', () => {
    expect(issuesOf(() => sqlFilter(' ', ''))).toEqual([
      { path: 'sql', message: 'must be a non-empty string' },
      { path: 'columnName', message: 'must be a non-empty string' },
    ]);
  });
});

describe('filterValueSchema', () => {
  it.each([
    ['a string', 'USA'],
    ['an empty string', ''],
    ['a number', 500],
    ['a boolean', true],
    ['a multi-select list', ['USA', 'CANADA', 3]],
    ['an empty list', []],
    ['a date range', { startDate: '2024-01-01', endDate: '2024-03-23' }],
    ['a number range', { min: 1000, max: 5000 }],
    ['a SQL filter', { sql: 'SELECT 1', columnName: 'x' }],
  ])('accepts %s', (_, value) => {
    expect(filterValueSchema.safeParse(value)).toEqual({ success: true, data: value });
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['an object of unknown shape', { from: 1, to: 2 }],
    ['a date range with an extra key', { startDate: '2024-01-01', endDate: '2024-01-02', tz: 'UTC' }],
    ['a half date range', { startDate: '2024-01-01' }],
    ['a Date', new Date('2024-01-01')],
  ])('rejects %s, listing the accepted forms', (_, value) => {
    const result = filterValueSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/^must be a string, a finite number, a boolean/);
  });

  it('names the offending item of a list', () => {
    expect(issuesOf(() => validate(filterValueSchema, ['a', { b: 1 }], 'value'))).toEqual([
      { path: '[1]', message: 'must be a string or a finite number' },
    ]);
  });

  it('rejects a date range written by hand whose start is after its end', () => {
    expect(
      issuesOf(() =>
        validate(filterValueSchema, { startDate: '2024-02-01', endDate: '2024-01-01' }, 'value'),
      ),
    ).toEqual([{ path: 'startDate', message: 'must not be after endDate' }]);
  });
});

describe('filterValuesSchema', () => {
  it('reports every bad value at its filter name', () => {
    const issues = issuesOf(() =>
      validate(
        filterValuesSchema,
        { ok: 'x', amount: { min: 5, max: 1 }, q: { sql: '', columnName: 'c' } },
        'values',
      ),
    );
    expect(issues).toEqual([
      { path: 'amount.min', message: 'must not be greater than max' },
      { path: 'q.sql', message: 'must be a non-empty string' },
    ]);
  });

  it('rejects an empty filter name', () => {
    expect(issuesOf(() => validate(filterValuesSchema, { '  ': 'x' }, 'values'))).toEqual([
      { path: '', message: 'filter names must be non-empty strings' },
    ]);
  });

  it('rejects values that are not a plain object', () => {
    for (const bad of [null, [], 'country=USA', new Map()]) {
      expect(issuesOf(() => validate(filterValuesSchema, bad, 'values'))).toEqual([
        { path: '', message: 'must be an object mapping filter names to values' },
      ]);
    }
  });

  it('never repeats a rejected value in the message', () => {
    const marker = 'SECRET-TENANT-VALUE-4d1f';
    try {
      validate(
        filterValuesSchema,
        { country: { sql: marker, columnName: '' }, other: [{ marker }] },
        'values',
      );
      expect.unreachable();
    } catch (error) {
      expect(String((error as Error).message)).not.toContain(marker);
      expect(JSON.stringify(error)).not.toContain(marker);
    }
  });
});
