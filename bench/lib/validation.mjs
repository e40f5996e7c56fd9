// Building and validating guest-token requests with core's
// buildGuestTokenRequest (µs per call), a typical one and a large one, beside
// parsing the resulting wire body and beside JSON.stringify of that body
// (which every request pays anyway).
import { microsecondsPerOp } from './timeOps.mjs';

export async function run() {
  const core = await import('@databrain-embed/core');
  const { buildGuestTokenRequest, parseGuestTokenRequest, dateRange, numberRange } = core;

  const typical = {
    clientId: 'tenant-7',
    dataAppName: 'sales',
    params: {
      userIdentifier: 'user-42',
      appFilters: [
        { metricId: 'revenue', values: { country: ['USA', 'CANADA'], active: true } },
        { metricId: 'orders', values: { minOrders: 5 } },
      ],
      dashboardAppFilters: [
        { dashboardId: 'sales-overview', values: { period: dateRange('2024-01-01', '2024-03-31') } },
      ],
      timezone: 'America/New_York',
    },
    permissions: { isEnableArchiveMetrics: false, isEnableDownloadMetrics: true },
    expiresIn: '1h',
  };

  const countries = Array.from({ length: 20 }, (_, index) => `country-${index}`);
  const large = {
    clientId: 'tenant-7',
    dataAppName: 'sales',
    params: {
      userIdentifier: 'user-42',
      appFilters: Array.from({ length: 200 }, (_, index) => ({
        metricId: `metric-${index}`,
        values: { country: countries, active: index % 2 === 0, minOrders: index, region: `region-${index}` },
      })),
      dashboardAppFilters: Array.from({ length: 50 }, (_, index) => ({
        dashboardId: `dashboard-${index}`,
        values: {
          period: dateRange('2024-01-01', '2024-12-31'),
          amount: numberRange(index, index * 10 + 100),
        },
      })),
      hideDashboardFilters: Array.from({ length: 20 }, (_, index) => `hidden-${index}`),
      allowedEmbeds: Array.from({ length: 100 }, (_, index) => `embed-${index}`),
      rlsSettings: Array.from({ length: 50 }, (_, index) => ({
        metricId: `metric-${index}`,
        values: { region: `region-${index}` },
      })),
      timezone: 'Europe/Berlin',
    },
    permissions: { isEnableArchiveMetrics: false, isEnableDownloadMetrics: true },
    expiresIn: { hours: 2 },
  };

  const measure = (input) => {
    const body = buildGuestTokenRequest(input);
    return {
      inputBytes: JSON.stringify(body).length,
      build: microsecondsPerOp(() => buildGuestTokenRequest(input)),
      parse: microsecondsPerOp(() => parseGuestTokenRequest(body)),
      stringify: microsecondsPerOp(() => JSON.stringify(body)),
    };
  };
  // The same typical request without a time zone: checking an IANA name is the
  // costliest rule, so it is shown apart.
  const { timezone: _timezone, ...typicalParams } = typical.params;
  const typicalNoTimezone = { ...typical, params: typicalParams };
  return {
    typical: measure(typical),
    'typical, no timezone': measure(typicalNoTimezone),
    large: measure(large),
  };
}
