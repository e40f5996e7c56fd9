import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildListDataAppsQuery, type ListDataAppsQuery } from './dataApps.ts';
import { issuesOf } from './issuesOf.test.helpers.ts';

const issuesOfQuery = (query: unknown) => issuesOf(() => buildListDataAppsQuery(query as ListDataAppsQuery));

describe('buildListDataAppsQuery', () => {
  it('turns the query into the strings DataBrain reads', () => {
    expect(buildListDataAppsQuery({ isPagination: true, pageNumber: 2 })).toEqual({
      isPagination: 'true',
      pageNumber: '2',
    });
    expect(buildListDataAppsQuery({ isPagination: false })).toEqual({ isPagination: 'false' });
    expect(Object.entries(buildListDataAppsQuery({ pageNumber: 3, isPagination: true }))).toEqual([
      ['isPagination', 'true'],
      ['pageNumber', '3'],
    ]);
  });

  it('leaves the query empty when nothing is asked for', () => {
    expect(buildListDataAppsQuery()).toEqual({});
    expect(buildListDataAppsQuery({})).toEqual({});
  });

  it('keeps any positive page number as its decimal string', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (pageNumber) => {
        expect(buildListDataAppsQuery({ pageNumber }).pageNumber).toBe(String(pageNumber));
      }),
    );
  });

  it('rejects a page number that is not a positive integer', () => {
    for (const pageNumber of [0, -1, 1.5, Number.NaN, '2']) {
      const issues = issuesOfQuery({ pageNumber });
      expect(issues).toHaveLength(1);
      expect(issues[0]?.path).toBe('pageNumber');
      expect(issues[0]?.message).toMatch(/^must be a positive integer/);
    }
  });

  it('rejects a non-boolean isPagination and unknown keys', () => {
    expect(issuesOfQuery({ isPagination: 'true' })).toEqual([
      { path: 'isPagination', message: 'must be a boolean (true or false)' },
    ]);
    expect(issuesOfQuery({ page: 2 })).toEqual([{ path: '', message: 'Unrecognized key: "page"' }]);
  });
});
