import { describe, expectTypeOf, it } from 'vitest';
import { buildGuestTokenRequest, type GuestTokenInput } from './buildGuestTokenRequest.ts';
import type { ExpiresIn } from './expiresIn.ts';
import type { GuestTokenRequest } from './guestTokenSchema.ts';
import { parseGuestTokenRequest } from './parseGuestTokenRequest.ts';
import { type GuestTokenPermissions, permissions } from './permissions.ts';

describe('buildGuestTokenRequest types', () => {
  it('returns the wire body and parses to the same type', () => {
    expectTypeOf(buildGuestTokenRequest).returns.toEqualTypeOf<GuestTokenRequest>();
    expectTypeOf(parseGuestTokenRequest).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(parseGuestTokenRequest).returns.toEqualTypeOf<GuestTokenRequest>();
    expectTypeOf<GuestTokenRequest['expiryTime']>().toEqualTypeOf<number | undefined>();
  });

  it('requires clientId and dataAppName', () => {
    // @ts-expect-error dataAppName is missing
    buildGuestTokenRequest({ clientId: 'c' });
    // @ts-expect-error clientId is missing
    buildGuestTokenRequest({ dataAppName: 'a' });
    // @ts-expect-error clientId must be a string
    buildGuestTokenRequest({ clientId: 7, dataAppName: 'a' });
  });

  it('takes expiresIn, not the wire expiryTime', () => {
    buildGuestTokenRequest({ clientId: 'c', dataAppName: 'a', expiresIn: '1h30m' });
    buildGuestTokenRequest({ clientId: 'c', dataAppName: 'a', expiresIn: { hours: 2 } });
    buildGuestTokenRequest({ clientId: 'c', dataAppName: 'a', expiresIn: 'never' });
    // @ts-expect-error expiryTime is the wire name; the input uses expiresIn
    buildGuestTokenRequest({ clientId: 'c', dataAppName: 'a', expiryTime: 1000 });
    // @ts-expect-error 'forever' is not a lifetime
    buildGuestTokenRequest({ clientId: 'c', dataAppName: 'a', expiresIn: 'forever' });
    // @ts-expect-error weeks is not a duration unit
    buildGuestTokenRequest({ clientId: 'c', dataAppName: 'a', expiresIn: { weeks: 1 } });
    expectTypeOf<GuestTokenInput['expiresIn']>().toEqualTypeOf<ExpiresIn | undefined>();
  });

  it('puts isShowOnUrl on dashboard filter items only', () => {
    buildGuestTokenRequest({
      clientId: 'c',
      dataAppName: 'a',
      params: { dashboardAppFilters: [{ dashboardId: 'd', values: {}, isShowOnUrl: false }] },
    });
    buildGuestTokenRequest({
      clientId: 'c',
      dataAppName: 'a',
      // @ts-expect-error isShowOnUrl is not a params-level key
      params: { isShowOnUrl: false },
    });
  });
});

describe('permissions types', () => {
  it('accepts the documented keys with boolean values', () => {
    expectTypeOf(
      permissions({ isShowSideBar: true, isDisableMetricCreation: false }),
    ).toEqualTypeOf<GuestTokenPermissions>();
  });

  it('rejects unknown permission keys', () => {
    // @ts-expect-error misspelled: the wire name is isShowSideBar
    permissions({ isShowSidebar: true });
    const flags = { isShowSideBar: true, isEnableEverything: true };
    // @ts-expect-error unknown keys are rejected even outside an object literal
    permissions(flags);
    // @ts-expect-error unknown key inside a request
    buildGuestTokenRequest({ clientId: 'c', dataAppName: 'a', permissions: { canDoAnything: true } });
  });

  it('rejects non-boolean values', () => {
    // @ts-expect-error values are booleans
    permissions({ isShowSideBar: 'yes' });
  });
});
