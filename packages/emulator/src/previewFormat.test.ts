import { describe, expect, it } from 'vitest';
import { describeFilter, describePermissions, formatExpiry, parseJsonAttribute } from './previewFormat.ts';

describe('preview formatting', () => {
  it('formats expiry as never, a rounded-up countdown, or expired', () => {
    expect(formatExpiry(null)).toBe('never expires');
    expect(formatExpiry(41_200)).toBe('expires in 42s');
    expect(formatExpiry(0)).toBe('expired');
  });

  it('splits permissions into granted and denied', () => {
    expect(describePermissions({ isShowSideBar: true, isEnableUnderlyingData: false })).toBe(
      'granted: isShowSideBar · denied: isEnableUnderlyingData',
    );
    expect(describePermissions({})).toMatch(/none set/);
  });

  it('describes filters with their outcome and URL visibility', () => {
    expect(
      describeFilter({
        source: 'appFilters',
        target: 'revenue',
        name: 'country',
        value: 'USA',
        status: 'applied',
      }),
    ).toBe('appFilters · country = "USA" (applied)');
    const hidden = describeFilter({
      source: 'dashboardAppFilters',
      target: 'sales-overview',
      name: 'date',
      value: { startDate: '2024-01-01', endDate: '2024-02-01' },
      status: 'applied',
      isShowOnUrl: false,
    });
    expect(hidden).toBe('dashboardAppFilters · date = 2024-01-01 → 2024-02-01 (applied, hidden from URL)');
  });

  it('parses JSON attributes and turns bad JSON into undefined', () => {
    expect(parseJsonAttribute('{"a":1}')).toEqual({ a: 1 });
    expect(parseJsonAttribute('not json')).toBeUndefined();
    expect(parseJsonAttribute(null)).toBeUndefined();
  });
});
