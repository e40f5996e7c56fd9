import { describe, expect, it } from 'vitest';
import { issuesOf } from './issuesOf.test.helpers.ts';
import { type GuestTokenPermissions, PERMISSIONS, permissions, permissionsSchema } from './permissions.ts';

describe('PERMISSIONS', () => {
  it('lists the eight observed keys and the two inferred ones, each once', () => {
    const observed = PERMISSIONS.filter((p) => p.evidence === 'observed').map((p) => p.key);
    const inferred = PERMISSIONS.filter((p) => p.evidence === 'inferred').map((p) => p.key);
    expect(observed).toEqual([
      'isEnableManageMetrics',
      'isEnableCreateDashboardView',
      'isEnableMetricUpdation',
      'isEnableCustomizeLayout',
      'isEnableUnderlyingData',
      'isEnableDownloadMetrics',
      'isShowSideBar',
      'isShowDashboardName',
    ]);
    expect(inferred).toEqual(['isEnableArchiveMetrics', 'isDisableMetricCreation']);
    expect(new Set(PERMISSIONS.map((p) => p.key)).size).toBe(10);
  });

  it('describes every key', () => {
    for (const permission of PERMISSIONS) expect(permission.description.length).toBeGreaterThan(10);
  });
});

describe('permissions', () => {
  it('accepts every key in the table, with either boolean', () => {
    const all = Object.fromEntries(PERMISSIONS.map((p, i) => [p.key, i % 2 === 0])) as GuestTokenPermissions;
    expect(permissions(all)).toEqual(all);
  });

  it('accepts an empty object', () => {
    expect(permissions({})).toEqual({});
  });

  it('rejects an unknown key at its own path', () => {
    const flags = { isShowSideBar: true, isShowSidebar: true } as GuestTokenPermissions;
    const issues = issuesOf(() => permissions(flags));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('isShowSidebar');
    expect(issues[0]?.message).toMatch(
      /^unknown permission key \(known permission keys: isEnableArchiveMetrics,/,
    );
  });

  it('rejects values that are not booleans', () => {
    const flags = { isShowSideBar: 'true', isEnableUnderlyingData: 1 } as unknown as GuestTokenPermissions;
    expect(issuesOf(() => permissions(flags))).toEqual([
      { path: 'isEnableUnderlyingData', message: 'must be a boolean (true or false)' },
      { path: 'isShowSideBar', message: 'must be a boolean (true or false)' },
    ]);
  });

  it('rejects something that is not an object', () => {
    expect(permissionsSchema.safeParse(['isShowSideBar']).error?.issues[0]?.message).toBe(
      'must be an object of permission flags',
    );
  });
});
