import { describe, expect, it } from 'vitest';
import {
  buildCreateEmbedRequest,
  type CreateEmbedRequest,
  createEmbedResponseSchema,
} from './embedCreate.ts';
import { issuesOf } from './issuesOf.test.helpers.ts';

const issuesOfBody = (body: unknown) => issuesOf(() => buildCreateEmbedRequest(body as CreateEmbedRequest));

describe('buildCreateEmbedRequest', () => {
  it('returns a complete dashboard embed request unchanged', () => {
    const body: CreateEmbedRequest = {
      embedType: 'dashboard',
      dashboardId: 'dash_12345',
      workspaceName: 'analytics-workspace',
      name: 'Sales Dashboard Embed',
      accessSettings: {
        datamartName: 'sales-data',
        isAllowEmailReports: false,
        isAllowManageMetrics: true,
        isAllowCreateDashboardView: true,
        isAllowMetricCreation: true,
        isAllowMetricDeletion: false,
        isAllowMetricLayoutChange: true,
        isAllowMetricUpdate: true,
        isAllowUnderlyingData: false,
        joinModel: 'multi',
        metricCreationMode: 'DRAG_DROP',
        tableTenancySettings: [{ name: 'sales_data', clientColumn: 'customer_id' }],
      },
    };
    expect(buildCreateEmbedRequest(body)).toEqual(body);
  });

  it('requires the id that matches the embed type', () => {
    const common = { workspaceName: 'w', accessSettings: { datamartName: 'm' } };
    expect(issuesOfBody({ ...common, embedType: 'dashboard' })).toEqual([
      { path: 'dashboardId', message: 'is required when embedType is "dashboard"' },
    ]);
    expect(issuesOfBody({ ...common, embedType: 'metric', dashboardId: 'd' })).toEqual([
      { path: 'metricId', message: 'is required when embedType is "metric"' },
    ]);
  });

  it('names every invalid field at once, inside accessSettings too', () => {
    expect(
      issuesOfBody({
        embedType: 'chart',
        accessSettings: { isAllowAipilot: true, metricCreationMode: 'VOICE', tableTenancySettings: [{}] },
      }),
    ).toEqual([
      { path: 'embedType', message: 'must be one of "dashboard", "metric"' },
      { path: 'workspaceName', message: 'is required' },
      { path: 'accessSettings.datamartName', message: 'is required' },
      { path: 'accessSettings.metricCreationMode', message: 'must be one of "DRAG_DROP", "CHAT"' },
      { path: 'accessSettings.tableTenancySettings[0].name', message: 'is required' },
      { path: 'accessSettings.tableTenancySettings[0].clientColumn', message: 'is required' },
      { path: 'accessSettings', message: 'Unrecognized key: "isAllowAipilot"' },
    ]);
    expect(issuesOfBody({ embedType: 'metric', metricId: 'm', workspaceName: 'w' })).toEqual([
      { path: 'accessSettings', message: 'is required' },
    ]);
  });
});

describe('createEmbedResponseSchema', () => {
  it('takes the id and drops the null error', () => {
    expect(createEmbedResponseSchema.parse({ id: 'embed_abc123def456', error: null })).toEqual({
      id: 'embed_abc123def456',
    });
    expect(createEmbedResponseSchema.safeParse({ id: '' }).success).toBe(false);
  });
});
