import { describe, expect, it } from 'vitest';
import { composeMetricQuery } from './composeMetricQuery.ts';

const query = { embedId: 'sales', metricId: 'revenue' };

describe('composeMetricQuery', () => {
  it("takes the tenant and datasource from the grant and the browser's chosen filters where the grant sets none", () => {
    expect(
      composeMetricQuery(
        query,
        { metricFilter: { product: 'Reports' }, dashboardFilter: { year: 2024 } },
        { clientId: 'acme', datasourceName: 'warehouse' },
      ),
    ).toEqual({
      embedId: 'sales',
      metricId: 'revenue',
      clientId: 'acme',
      metricFilter: { product: 'Reports' },
      dashboardFilter: { year: 2024 },
      datasourceName: 'warehouse',
    });
  });

  it('never takes a name the grant filters from the browser, in either place', () => {
    const body = composeMetricQuery(
      query,
      { metricFilter: { region: 'NA', product: 'Reports' }, dashboardFilter: { tier: 'gold' } },
      { clientId: 'acme', metricFilter: { tier: 'free' }, dashboardFilter: { region: 'EMEA' } },
    );
    expect(body.metricFilter).toEqual({ product: 'Reports', tier: 'free' });
    expect(body.dashboardFilter).toEqual({ region: 'EMEA' });
  });

  it('leaves out filters that end up empty', () => {
    const body = composeMetricQuery(query, { metricFilter: {}, dashboardFilter: {} }, { clientId: 'acme' });
    expect(body).toEqual({ embedId: 'sales', metricId: 'revenue', clientId: 'acme' });
  });
});
