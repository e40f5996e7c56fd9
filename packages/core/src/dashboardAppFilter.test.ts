import { describe, expect, it } from 'vitest';
import { DatabrainValidationError } from './DatabrainValidationError.ts';
import { dashboardAppFilter } from './dashboardAppFilter.ts';
import { numberRange } from './filterValues.ts';

describe('dashboardAppFilter', () => {
  it('builds {dashboardId, values} without isShowOnUrl unless asked', () => {
    const filter = dashboardAppFilter('sales', { amount: numberRange(1, 2) });
    expect(filter).toEqual({ dashboardId: 'sales', values: { amount: { min: 1, max: 2 } } });
    expect('isShowOnUrl' in filter).toBe(false);
  });

  it('puts isShowOnUrl on the item itself', () => {
    expect(dashboardAppFilter('sales', { region: ['EMEA'] }, { isShowOnUrl: false })).toEqual({
      dashboardId: 'sales',
      values: { region: ['EMEA'] },
      isShowOnUrl: false,
    });
  });

  it('rejects a blank dashboard id', () => {
    expect(() => dashboardAppFilter(' ', {})).toThrow(DatabrainValidationError);
    expect(() => dashboardAppFilter(' ', {})).toThrow(/dashboardId: must not be empty/);
  });
});
