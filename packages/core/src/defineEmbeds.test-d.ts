import { describe, expectTypeOf, it } from 'vitest';
import type { AppFilter } from './appFilter.ts';
import type { GuestTokenInput } from './buildGuestTokenRequest.ts';
import type { DashboardAppFilter } from './dashboardAppFilter.ts';
import { defineEmbeds } from './defineEmbeds.ts';
import type { DashboardFilterName, EmbedId } from './embedCatalog.ts';
import { type DateRange, dateRange, numberRange } from './filterValues.ts';
import type { GuestTokenRequest } from './guestTokenSchema.ts';

type Embeds = {
  dashboards: { 'sales-overview': { region: string[]; period: DateRange }; ops: { site: string } };
  metrics: { revenue: { country: string; active: boolean } };
};

const embeds = defineEmbeds<Embeds>();

describe('defineEmbeds', () => {
  it('types filters by the declared ids and filter names', () => {
    const revenue = embeds.appFilter('revenue', { country: 'USA' });
    expectTypeOf(revenue.metricId).toEqualTypeOf<'revenue'>();
    expectTypeOf(revenue).toExtend<AppFilter>();
    const sales = embeds.dashboardAppFilter('sales-overview', {
      period: dateRange('2024-01-01', '2024-02-01'),
    });
    expectTypeOf(sales.dashboardId).toEqualTypeOf<'sales-overview'>();
    expectTypeOf(sales).toExtend<DashboardAppFilter>();
    expectTypeOf(embeds.buildGuestTokenRequest).returns.toEqualTypeOf<GuestTokenRequest>();
  });

  it('rejects a misspelled filter name', () => {
    // @ts-expect-error 'contry' is not a filter of 'revenue'
    embeds.appFilter('revenue', { contry: 'USA' });
    // @ts-expect-error 'regions' is not a filter of 'sales-overview'
    embeds.dashboardAppFilter('sales-overview', { regions: ['EMEA'] });
    // @ts-expect-error 'site' belongs to 'ops', not 'sales-overview'
    embeds.dashboardAppFilter('sales-overview', { site: 'Berlin' });
  });

  it('rejects a value of the wrong type', () => {
    // @ts-expect-error region takes a list
    embeds.dashboardAppFilter('sales-overview', { region: 'EMEA' });
    // @ts-expect-error period takes a date range
    embeds.dashboardAppFilter('sales-overview', { period: numberRange(1, 2) });
    // @ts-expect-error active takes a boolean
    embeds.appFilter('revenue', { active: 'yes' });
  });

  it('rejects an undeclared embed id', () => {
    // @ts-expect-error 'revenu' is not a declared metric
    embeds.appFilter('revenu', {});
    // @ts-expect-error 'revenue' is a metric, not a dashboard
    embeds.dashboardAppFilter('revenue', {});
  });

  it('checks filters written inline in the request against the catalog', () => {
    embeds.buildGuestTokenRequest({
      clientId: 'c',
      dataAppName: 'a',
      params: {
        appFilters: [{ metricId: 'revenue', values: { country: 'USA' } }],
        dashboardAppFilters: [{ dashboardId: 'ops', values: { site: 'Berlin' }, isShowOnUrl: false }],
        allowedEmbeds: ['sales-overview', 'revenue'],
        hideDashboardFilters: ['region', 'site'],
      },
    });
    embeds.buildGuestTokenRequest({
      clientId: 'c',
      dataAppName: 'a',
      // @ts-expect-error 'country' is not a filter of 'ops'
      params: { dashboardAppFilters: [{ dashboardId: 'ops', values: { country: 'USA' } }] },
    });
    embeds.buildGuestTokenRequest({
      clientId: 'c',
      dataAppName: 'a',
      // @ts-expect-error 'dashboard-x' is not a declared embed
      params: { allowedEmbeds: ['dashboard-x'] },
    });
    embeds.buildGuestTokenRequest({
      clientId: 'c',
      dataAppName: 'a',
      // @ts-expect-error 'country' is not a dashboard filter
      params: { hideDashboardFilters: ['country'] },
    });
  });

  it('derives id and filter-name unions from the catalog', () => {
    expectTypeOf<EmbedId<Embeds>>().toEqualTypeOf<'sales-overview' | 'ops' | 'revenue'>();
    expectTypeOf<DashboardFilterName<Embeds>>().toEqualTypeOf<'region' | 'period' | 'site'>();
  });

  it('accepts anything well-formed without a catalog', () => {
    expectTypeOf<EmbedId>().toEqualTypeOf<string>();
    expectTypeOf<DashboardFilterName>().toEqualTypeOf<string>();
    const input: GuestTokenInput = {
      clientId: 'c',
      dataAppName: 'a',
      params: {
        appFilters: [{ metricId: 'anything', values: { whatever: [1, 'two'] } }],
        allowedEmbeds: ['any-id'],
        hideDashboardFilters: ['any-filter'],
      },
    };
    expectTypeOf(input).toExtend<GuestTokenInput>();
    // Even loosely, a filter value must be one of the documented forms.
    expectTypeOf({ metricId: 'm', values: { x: null } }).not.toExtend<AppFilter>();
    expectTypeOf({ metricId: 'm', values: { x: { from: 1 } } }).not.toExtend<AppFilter>();
  });
});
