import { describe, expect, it } from 'vitest';
import { appFilter } from './appFilter.ts';
import { DatabrainValidationError } from './DatabrainValidationError.ts';
import { dateRange, type FilterValues } from './filterValues.ts';

describe('appFilter', () => {
  it('builds {metricId, values}', () => {
    expect(appFilter('revenue', { country: 'USA', active: true, ids: [1, 2] })).toEqual({
      metricId: 'revenue',
      values: { country: 'USA', active: true, ids: [1, 2] },
    });
  });

  it('accepts every value helper', () => {
    expect(appFilter('m', { period: dateRange('2024-01-01', '2024-01-31') }).values.period).toEqual({
      startDate: '2024-01-01',
      endDate: '2024-01-31',
    });
  });

  it('rejects an empty metric id and bad values, naming each path', () => {
    try {
      appFilter('', { country: null } as unknown as FilterValues);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DatabrainValidationError);
      expect((error as DatabrainValidationError).issues.map((issue) => issue.path)).toEqual([
        'metricId',
        'values.country',
      ]);
      expect((error as Error).message).toMatch(/^\[databrain-embed\] Invalid app filter:/);
    }
  });
});
