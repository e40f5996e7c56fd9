import { describe, expectTypeOf, it } from 'vitest';
import type { MetricData } from './metricData.ts';
import { type MetricQueryResponse, type MetricRow, parseMetricQueryResponse } from './metricQuery.ts';

type Revenue = { region: string; revenue: number };
interface RevenueRow {
  region: string;
  revenue: number;
}

describe('metric rows', () => {
  it('are typed by the generic the caller gives, type aliases and interfaces alike', () => {
    expectTypeOf(parseMetricQueryResponse<Revenue>({}).data).toEqualTypeOf<Revenue[]>();
    expectTypeOf(parseMetricQueryResponse<RevenueRow>({}).data[0]).toEqualTypeOf<RevenueRow | undefined>();
    expectTypeOf<MetricData<RevenueRow>['rows']>().toEqualTypeOf<RevenueRow[]>();
  });

  it('default to records of unknown values', () => {
    expectTypeOf(parseMetricQueryResponse({}).data).toEqualTypeOf<MetricRow[]>();
    expectTypeOf<MetricQueryResponse['data'][number]['anything']>().toEqualTypeOf<unknown>();
  });

  it('must be objects', () => {
    // @ts-expect-error a row is an object, not a number
    parseMetricQueryResponse<number>({});
  });
});
