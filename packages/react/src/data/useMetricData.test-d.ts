import type { MetricColumn } from '@databrain-embed/core';
import { describe, expectTypeOf, it } from 'vitest';
import { type MetricDataResult, useMetricData } from './useMetricData.ts';

type Sale = { region: string; amount: number };

describe('useMetricData types', () => {
  it('types the rows by the generic the caller gives', () => {
    expectTypeOf(useMetricData<Sale>).returns.toEqualTypeOf<MetricDataResult<Sale>>();
    expectTypeOf<MetricDataResult<Sale>['rows']>().toEqualTypeOf<Sale[] | undefined>();
    expectTypeOf<MetricDataResult['rows']>().toEqualTypeOf<Record<string, unknown>[] | undefined>();
    expectTypeOf<MetricDataResult['columns']>().toEqualTypeOf<MetricColumn[] | undefined>();
  });

  it('takes only a metric, an embed and filters', () => {
    expectTypeOf(useMetricData).parameter(0).toHaveProperty('metricId').toEqualTypeOf<string | null>();
    // @ts-expect-error the browser never names the tenant
    useMetricData({ metricId: 'm', clientId: 'acme' });
  });
});
