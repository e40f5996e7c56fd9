import { describe, expect, it } from 'vitest';
import { appFilter } from './appFilter.ts';
import { buildGuestTokenRequest, type GuestTokenInput } from './buildGuestTokenRequest.ts';
import { DatabrainValidationError } from './DatabrainValidationError.ts';
import { dashboardAppFilter } from './dashboardAppFilter.ts';
import { dateRange, numberRange, sqlFilter } from './filterValues.ts';
import { issuesOf } from './issuesOf.test.helpers.ts';
import { permissions } from './permissions.ts';

/** Builds from an input that is deliberately not a GuestTokenInput. */
function build(input: unknown) {
  return buildGuestTokenRequest(input as GuestTokenInput);
}

const minimal = { clientId: 'tenant-7', dataAppName: 'sales' };

describe('buildGuestTokenRequest', () => {
  it('sends only the required fields and the default one-hour expiry', () => {
    expect(buildGuestTokenRequest(minimal)).toEqual({ ...minimal, expiryTime: 3_600_000 });
  });

  it('builds the full wire body with every documented field', () => {
    const body = buildGuestTokenRequest({
      clientId: 'tenant-7',
      dataAppName: 'Sales App',
      params: {
        appFilters: [appFilter('revenue', { country: ['USA', 'CANADA'], active: true, minOrders: 5 })],
        dashboardAppFilters: [
          dashboardAppFilter(
            'sales-overview',
            { period: dateRange('2024-01-01', '2024-03-23'), amount: numberRange(1000, 5000) },
            { isShowOnUrl: false },
          ),
          dashboardAppFilter('ops', { region: sqlFilter('SELECT name FROM regions', 'name') }),
        ],
        hideDashboardFilters: ['internal_filter'],
        userIdentifier: 'user-42',
        allowedEmbeds: ['sales-overview', 'revenue'],
        timezone: 'America/New_York',
        rlsSettings: [{ metricId: 'revenue', values: { region: 'EMEA' } }],
      },
      permissions: permissions({ isShowSideBar: false, isEnableDownloadMetrics: true }),
      expiresIn: { days: 1 },
      datasourceName: 'eu-postgres',
    });
    expect(body).toEqual({
      clientId: 'tenant-7',
      dataAppName: 'Sales App',
      params: {
        appFilters: [
          { metricId: 'revenue', values: { country: ['USA', 'CANADA'], active: true, minOrders: 5 } },
        ],
        dashboardAppFilters: [
          {
            dashboardId: 'sales-overview',
            values: {
              period: { startDate: '2024-01-01', endDate: '2024-03-23' },
              amount: { min: 1000, max: 5000 },
            },
            isShowOnUrl: false,
          },
          { dashboardId: 'ops', values: { region: { sql: 'SELECT name FROM regions', columnName: 'name' } } },
        ],
        hideDashboardFilters: ['internal_filter'],
        userIdentifier: 'user-42',
        allowedEmbeds: ['sales-overview', 'revenue'],
        timezone: 'America/New_York',
        rlsSettings: [{ metricId: 'revenue', values: { region: 'EMEA' } }],
      },
      permissions: { isShowSideBar: false, isEnableDownloadMetrics: true },
      expiryTime: 86_400_000,
      datasourceName: 'eu-postgres',
    });
  });

  it("omits expiryTime for expiresIn: 'never'", () => {
    const body = buildGuestTokenRequest({ ...minimal, expiresIn: 'never' });
    expect(body).toEqual(minimal);
    expect('expiryTime' in body).toBe(false);
  });

  it('turns readable durations into milliseconds', () => {
    expect(buildGuestTokenRequest({ ...minimal, expiresIn: '1h30m' }).expiryTime).toBe(5_400_000);
    expect(buildGuestTokenRequest({ ...minimal, expiresIn: 15_000 }).expiryTime).toBe(15_000);
  });

  it("accepts clientId 'None' (no tenancy) and data app names with spaces and hyphens", () => {
    expect(buildGuestTokenRequest({ clientId: 'None', dataAppName: 'my data-app 2' })).toMatchObject({
      clientId: 'None',
      dataAppName: 'my data-app 2',
    });
  });

  it('keeps empty params and permissions objects when given', () => {
    expect(buildGuestTokenRequest({ ...minimal, params: {}, permissions: {} })).toEqual({
      ...minimal,
      params: {},
      permissions: {},
      expiryTime: 3_600_000,
    });
  });

  it('keeps isShowOnUrl inside each dashboard filter item', () => {
    const body = buildGuestTokenRequest({
      ...minimal,
      params: { dashboardAppFilters: [{ dashboardId: 'd', values: { r: 'x' }, isShowOnUrl: true }] },
    });
    expect(body.params?.dashboardAppFilters?.[0]?.isShowOnUrl).toBe(true);
    expect(body.params && 'isShowOnUrl' in body.params).toBe(false);
  });

  it('does not modify its input', () => {
    const input: GuestTokenInput = { ...minimal, params: { userIdentifier: 'u' }, expiresIn: '1h' };
    const copy = JSON.parse(JSON.stringify(input)) as unknown;
    buildGuestTokenRequest(input);
    expect(input).toEqual(copy);
  });

  describe('rejects, naming the path and the rule', () => {
    it.each([
      ['a missing clientId', { dataAppName: 'sales' }, 'clientId', 'is required'],
      ['an empty clientId', { ...minimal, clientId: '' }, 'clientId', 'must not be empty'],
      ['a blank clientId', { ...minimal, clientId: '   ' }, 'clientId', 'must not be empty'],
      ['a numeric clientId', { ...minimal, clientId: 7 }, 'clientId', 'must be a string'],
      ['a missing dataAppName', { clientId: 'c' }, 'dataAppName', 'is required'],
      ['an empty dataAppName', { ...minimal, dataAppName: '' }, 'dataAppName', 'must not be empty'],
      ['an empty datasourceName', { ...minimal, datasourceName: '' }, 'datasourceName', 'must not be empty'],
      [
        'an explicit undefined datasourceName',
        { ...minimal, datasourceName: undefined },
        'datasourceName',
        'is required',
      ],
      ['params that are not an object', { ...minimal, params: [] }, 'params', 'must be an object'],
      [
        'an empty allowedEmbeds',
        { ...minimal, params: { allowedEmbeds: [] } },
        'params.allowedEmbeds',
        'must list at least one embed id (omit it to allow every embed)',
      ],
      [
        'an empty embed id',
        { ...minimal, params: { allowedEmbeds: ['a', ''] } },
        'params.allowedEmbeds[1]',
        'must not be empty',
      ],
      [
        'allowedEmbeds as a string',
        { ...minimal, params: { allowedEmbeds: 'a' } },
        'params.allowedEmbeds',
        'must be an array of embed ids',
      ],
      [
        'an unknown time zone',
        { ...minimal, params: { timezone: 'Mars/Olympus' } },
        'params.timezone',
        'must be an IANA time-zone name such as "America/New_York" or "UTC"',
      ],
      [
        'an empty userIdentifier',
        { ...minimal, params: { userIdentifier: '' } },
        'params.userIdentifier',
        'must not be empty',
      ],
      [
        'an empty hidden filter name',
        { ...minimal, params: { hideDashboardFilters: [''] } },
        'params.hideDashboardFilters[0]',
        'must not be empty',
      ],
      [
        'an app filter without metricId',
        { ...minimal, params: { appFilters: [{ values: {} }] } },
        'params.appFilters[0].metricId',
        'is required',
      ],
      [
        'an app filter without values',
        { ...minimal, params: { appFilters: [{ metricId: 'm' }] } },
        'params.appFilters[0].values',
        'is required',
      ],
      [
        'a dashboard filter without dashboardId',
        { ...minimal, params: { dashboardAppFilters: [{ values: {} }] } },
        'params.dashboardAppFilters[0].dashboardId',
        'is required',
      ],
      [
        'a non-boolean isShowOnUrl',
        {
          ...minimal,
          params: { dashboardAppFilters: [{ dashboardId: 'd', values: {}, isShowOnUrl: 'no' }] },
        },
        'params.dashboardAppFilters[0].isShowOnUrl',
        'must be a boolean (true or false)',
      ],
      [
        'isShowOnUrl at the params level',
        { ...minimal, params: { isShowOnUrl: false } },
        'params.isShowOnUrl',
        'unknown field (known fields: appFilters, dashboardAppFilters, hideDashboardFilters, userIdentifier, allowedEmbeds, timezone, rlsSettings)',
      ],
      [
        'a date range whose start is after its end',
        {
          ...minimal,
          params: {
            dashboardAppFilters: [
              { dashboardId: 'd', values: { period: { startDate: '2024-05-01', endDate: '2024-04-01' } } },
            ],
          },
        },
        'params.dashboardAppFilters[0].values.period.startDate',
        'must not be after endDate',
      ],
      [
        'a bad legacy rlsSettings item',
        { ...minimal, params: { rlsSettings: [{ metricId: '', values: {} }] } },
        'params.rlsSettings[0].metricId',
        'must not be empty',
      ],
      [
        'a non-boolean permission',
        { ...minimal, permissions: { isShowSideBar: 1 } },
        'permissions.isShowSideBar',
        'must be a boolean (true or false)',
      ],
      [
        'a bad expiresIn',
        { ...minimal, expiresIn: 0 },
        'expiresIn',
        'must be a positive integer of milliseconds',
      ],
      [
        'expiryTime instead of expiresIn',
        { ...minimal, expiryTime: 1000 },
        'expiryTime',
        'unknown field (known fields: clientId, dataAppName, params, permissions, expiresIn, datasourceName)',
      ],
    ])('%s', (_, input, path, message) => {
      expect(issuesOf(() => build(input))).toContainEqual({ path, message });
    });

    it('an unknown permission key', () => {
      const issues = issuesOf(() => build({ ...minimal, permissions: { isEnableArchiveMetric: true } }));
      expect(issues).toHaveLength(1);
      expect(issues[0]?.path).toBe('permissions.isEnableArchiveMetric');
      expect(issues[0]?.message).toMatch(/^unknown permission key/);
    });

    it('input that is not an object', () => {
      for (const bad of [null, undefined, 'tenant-7', []])
        expect(issuesOf(() => build(bad))).toEqual([{ path: '', message: 'must be an object' }]);
    });
  });

  it('reports every issue at once, in a message that names each path', () => {
    try {
      build({ clientId: '', dataAppName: '', params: { timezone: 'nowhere' }, expiresIn: 'soon' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DatabrainValidationError);
      const { issues, message, code } = error as DatabrainValidationError;
      expect(code).toBe('VALIDATION_ERROR');
      expect(issues.map((issue) => issue.path)).toEqual([
        'clientId',
        'dataAppName',
        'params.timezone',
        'expiresIn',
      ]);
      expect(message).toMatch(/^\[databrain-embed\] Invalid guest token request:/);
      for (const issue of issues) expect(message).toContain(`${issue.path}: ${issue.message}`);
    }
  });

  it('never repeats a rejected clientId, userIdentifier or filter value', () => {
    const marker = 'TENANT-MARKER-8c2e91';
    const inputs = [
      { ...minimal, clientId: 123, params: { userIdentifier: 7 } },
      {
        ...minimal,
        clientId: `${marker}`,
        dataAppName: '',
        params: { userIdentifier: marker, timezone: marker },
      },
      { ...minimal, params: { appFilters: [{ metricId: marker, values: { country: { sql: marker } } }] } },
      { ...minimal, params: { appFilters: [{ metricId: 'm', values: { n: { min: marker, max: 1 } } }] } },
      {
        ...minimal,
        params: {
          dashboardAppFilters: [
            {
              dashboardId: 'd',
              values: { p: { startDate: marker, endDate: '2024-01-01' }, q: [marker, null] },
            },
          ],
        },
      },
      { ...minimal, clientId: marker, expiresIn: marker },
      { ...minimal, clientId: marker, permissions: { isShowSideBar: marker } },
    ];
    for (const input of inputs) {
      try {
        build(input);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(DatabrainValidationError);
        expect((error as Error).message).not.toContain(marker);
        expect(JSON.stringify(error)).not.toContain(marker);
        expect(String(error)).not.toContain(marker);
      }
    }
  });
});
