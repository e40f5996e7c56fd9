import { describe, expect, it } from 'vitest';
import { DatabrainValidationError } from './DatabrainValidationError.ts';
import { guestTokenRequestSchema } from './guestTokenSchema.ts';
import { issuesOf } from './issuesOf.test.helpers.ts';
import { parseGuestTokenRequest } from './parseGuestTokenRequest.ts';

describe('parseGuestTokenRequest', () => {
  it('accepts the documented example body unchanged', () => {
    const body = {
      clientId: 'id-1',
      dataAppName: 'my-data-app',
      params: {
        appFilters: [{ metricId: 'm1', values: { country: 'USA', amount: 500, flag: true } }],
        dashboardAppFilters: [
          {
            dashboardId: 'd1',
            values: {
              period: { startDate: '2024-01-01', endDate: '2024-03-23' },
              range: { min: 1000, max: 5000 },
            },
            isShowOnUrl: false,
          },
        ],
        hideDashboardFilters: ['internal_filter'],
        userIdentifier: 'user-1',
        allowedEmbeds: ['e1'],
        timezone: 'UTC',
      },
      permissions: { isEnableManageMetrics: true, isShowSideBar: false },
      expiryTime: 3_600_000,
      datasourceName: 'pg',
    };
    expect(parseGuestTokenRequest(JSON.parse(JSON.stringify(body)))).toEqual(body);
  });

  it('accepts a body without expiryTime (a token that never expires)', () => {
    expect(parseGuestTokenRequest({ clientId: 'None', dataAppName: 'a' })).toEqual({
      clientId: 'None',
      dataAppName: 'a',
    });
  });

  it.each([
    ['zero', 0, 'must be a positive integer of milliseconds'],
    ['a fraction', 1.5, 'must be a positive integer of milliseconds'],
    ['a string', '3600000', 'must be a number of milliseconds'],
    ['beyond the safe integers', 2 ** 60, 'must be a positive integer of milliseconds'],
  ])('rejects an expiryTime that is %s', (_, expiryTime, message) => {
    expect(issuesOf(() => parseGuestTokenRequest({ clientId: 'c', dataAppName: 'a', expiryTime }))).toEqual([
      { path: 'expiryTime', message },
    ]);
  });

  it('rejects expiresIn on the wire: it is the builder input, not the API field', () => {
    expect(
      issuesOf(() => parseGuestTokenRequest({ clientId: 'c', dataAppName: 'a', expiresIn: '1h' }))[0]?.path,
    ).toBe('expiresIn');
  });

  it('rejects bodies that are not JSON objects', () => {
    for (const bad of [null, 'x', 42, [], undefined])
      expect(issuesOf(() => parseGuestTokenRequest(bad))).toEqual([
        { path: '', message: 'must be an object' },
      ]);
  });

  it('throws the validation error type with code VALIDATION_ERROR', () => {
    expect(() => parseGuestTokenRequest({})).toThrow(DatabrainValidationError);
    expect(() => parseGuestTokenRequest({})).toThrow(/Invalid guest token request/);
  });

  it('matches guestTokenRequestSchema', () => {
    const body = { clientId: 'c', dataAppName: 'a', permissions: { isDisableMetricCreation: true } };
    expect(guestTokenRequestSchema.parse(body)).toEqual(parseGuestTokenRequest(body));
  });
});
