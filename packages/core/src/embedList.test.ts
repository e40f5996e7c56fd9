import { describe, expect, it } from 'vitest';
import { buildEmbedListQuery, type EmbedListQuery, embedListResponseSchema } from './embedList.ts';
import { issuesOf } from './issuesOf.test.helpers.ts';

describe('buildEmbedListQuery', () => {
  it('sends nothing by default and strings for what is given', () => {
    expect(buildEmbedListQuery()).toEqual({});
    expect(buildEmbedListQuery({ isPagination: true, pageNumber: 3, clientId: 'acme' })).toEqual({
      isPagination: 'true',
      pageNumber: '3',
      clientId: 'acme',
    });
  });

  it('names each invalid field, unknown keys included', () => {
    expect(
      issuesOf(() => buildEmbedListQuery({ pageNumber: 1.5, page: 2 } as unknown as EmbedListQuery)),
    ).toEqual([
      { path: 'pageNumber', message: 'must be a positive integer' },
      { path: '', message: 'Unrecognized key: "page"' },
    ]);
  });
});

describe('embedListResponseSchema', () => {
  it('reads both documented answer shapes down to ids, types and names', () => {
    const answer = embedListResponseSchema.parse({
      data: [
        {
          embedId: 'dashboard-123',
          embedType: 'dashboard',
          name: 'Sales Dashboard Embed',
          externalDashboard: {
            externalDashboardId: 'dashboard-uuid-456',
            metadata: { createdAt: '2024-01-15T10:30:00Z' },
            name: 'Sales Analytics Dashboard',
          },
          externalMetric: null,
          embedMetadata: { dataAppName: 'Production Data App' },
        },
        {
          embedId: 'metric-456',
          embedType: 'metric',
          externalMetric: { name: 'Monthly Revenue' },
          embedDataAppAccessSetting: { isAllowEmailReports: false },
        },
      ],
      error: null,
    });
    expect(answer).toEqual({
      data: [
        {
          embedId: 'dashboard-123',
          embedType: 'dashboard',
          name: 'Sales Dashboard Embed',
          externalDashboard: { externalDashboardId: 'dashboard-uuid-456', name: 'Sales Analytics Dashboard' },
          externalMetric: null,
        },
        {
          embedId: 'metric-456',
          embedType: 'metric',
          externalDashboard: null,
          externalMetric: { name: 'Monthly Revenue' },
        },
      ],
    });
  });

  it('rejects an embed of an unknown type or without an id', () => {
    expect(embedListResponseSchema.safeParse({ data: [{ embedId: 'x', embedType: 'chart' }] }).success).toBe(
      false,
    );
    expect(embedListResponseSchema.safeParse({ data: [{ embedType: 'metric' }] }).success).toBe(false);
  });
});
