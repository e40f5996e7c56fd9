import { describe, expect, it } from 'vitest';
import { issuesOf } from './issuesOf.test.helpers.ts';
import { buildMetricListQuery, type MetricListQuery, metricListResponseSchema } from './metricList.ts';

describe('buildMetricListQuery', () => {
  it('turns the query into the strings DataBrain reads, leaving out what was not given', () => {
    expect(buildMetricListQuery({ embedId: 'sales-overview', clientId: 'acme' })).toEqual({
      embedId: 'sales-overview',
      clientId: 'acme',
    });
    expect(
      Object.entries(
        buildMetricListQuery({
          embedId: 'sales-overview',
          clientId: 'acme',
          isPagination: true,
          pageNumber: 2,
          isMetric: false,
        }),
      ),
    ).toEqual([
      ['embedId', 'sales-overview'],
      ['clientId', 'acme'],
      ['isPagination', 'true'],
      ['pageNumber', '2'],
      ['isMetric', 'false'],
    ]);
  });

  it('names each invalid field', () => {
    expect(
      issuesOf(() =>
        buildMetricListQuery({ embedId: ' ', pageNumber: 0, isMetric: 'yes' } as unknown as MetricListQuery),
      ),
    ).toEqual([
      { path: 'embedId', message: 'must not be empty' },
      { path: 'clientId', message: 'is required' },
      { path: 'pageNumber', message: 'must be a positive integer (pages count from 1)' },
      { path: 'isMetric', message: 'must be a boolean (true or false)' },
    ]);
  });
});

describe('metricListResponseSchema', () => {
  it('keeps name and metricId, and the optional fields when they have their documented type', () => {
    expect(
      metricListResponseSchema.parse({
        data: [
          { name: 'Total Revenue', metricId: 'm1', isPublished: true, createdByUser: null },
          { name: 'Active Users', metricId: 'm2', isPublished: 'yes', createdByUser: 'user_abc', extra: 1 },
          { name: 'Conversion', metricId: 'm3' },
        ],
        error: null,
      }),
    ).toEqual({
      data: [
        { name: 'Total Revenue', metricId: 'm1', isPublished: true, createdByUser: null },
        { name: 'Active Users', metricId: 'm2', createdByUser: 'user_abc' },
        { name: 'Conversion', metricId: 'm3' },
      ],
    });
  });

  it('rejects a list item without a metricId, and an answer without a list', () => {
    expect(metricListResponseSchema.safeParse({ data: [{ name: 'x' }] }).success).toBe(false);
    expect(metricListResponseSchema.safeParse({ data: null }).success).toBe(false);
  });
});
