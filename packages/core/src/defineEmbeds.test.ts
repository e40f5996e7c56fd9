import { describe, expect, it } from 'vitest';
import { DatabrainValidationError } from './DatabrainValidationError.ts';
import { defineEmbeds } from './defineEmbeds.ts';
import { type DateRange, dateRange } from './filterValues.ts';

type Embeds = {
  dashboards: { 'sales-overview': { region: string[]; period: DateRange } };
  metrics: { revenue: { country: string } };
};

describe('defineEmbeds', () => {
  const embeds = defineEmbeds<Embeds>();

  it('builds the same wire body as the untyped builders', () => {
    const body = embeds.buildGuestTokenRequest({
      clientId: 'c',
      dataAppName: 'a',
      params: {
        appFilters: [embeds.appFilter('revenue', { country: 'USA' })],
        dashboardAppFilters: [
          embeds.dashboardAppFilter(
            'sales-overview',
            { period: dateRange('2024-01-01', '2024-01-02') },
            {
              isShowOnUrl: true,
            },
          ),
        ],
        allowedEmbeds: ['revenue'],
      },
      expiresIn: 'never',
    });
    expect(body).toEqual({
      clientId: 'c',
      dataAppName: 'a',
      params: {
        appFilters: [{ metricId: 'revenue', values: { country: 'USA' } }],
        dashboardAppFilters: [
          {
            dashboardId: 'sales-overview',
            values: { period: { startDate: '2024-01-01', endDate: '2024-01-02' } },
            isShowOnUrl: true,
          },
        ],
        allowedEmbeds: ['revenue'],
      },
    });
  });

  it('still validates values at run time', () => {
    expect(() => embeds.appFilter('revenue', { country: Number.NaN as unknown as string })).toThrow(
      DatabrainValidationError,
    );
  });
});
