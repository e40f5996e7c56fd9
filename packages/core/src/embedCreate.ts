import * as z from 'zod';
import { always, flag, oneOf, requireWhen, text } from './adminFields.ts';
import { plainData } from './plainData.ts';
import { validate } from './validate.ts';

/**
 * How end users of an embed may create metrics.
 *
 * @example
 * ```ts
 * import { METRIC_CREATION_MODES } from '@databrain-embed/core';
 * METRIC_CREATION_MODES.includes('CHAT'); // true
 * ```
 */
export const METRIC_CREATION_MODES = ['DRAG_DROP', 'CHAT'] as const;

/**
 * What end users may do in an embed, and which datamart it reads. Every
 * switch is optional; DataBrain documents no defaults.
 *
 * @example
 * ```ts
 * import type { EmbedAccessSettings } from '@databrain-embed/core';
 * const settings: EmbedAccessSettings = {
 *   datamartName: 'sales-mart',
 *   isAllowUnderlyingData: false,
 *   tableTenancySettings: [{ name: 'orders', clientColumn: 'tenant_id' }],
 * };
 * ```
 */
export interface EmbedAccessSettings {
  /** The datamart the embed reads. */
  datamartName: string;
  isAllowAiPilot?: boolean;
  isAllowEmailReports?: boolean;
  isAllowManageMetrics?: boolean;
  isAllowCreateDashboardView?: boolean;
  isAllowMetricCreation?: boolean;
  isAllowMetricDeletion?: boolean;
  isAllowMetricLayoutChange?: boolean;
  isAllowMetricUpdate?: boolean;
  isAllowUnderlyingData?: boolean;
  metricCreationMode?: (typeof METRIC_CREATION_MODES)[number];
  /** How the datamart's tables are joined (DataBrain's example sends `'multi'`; no list is documented). */
  joinModel?: string;
  /**
   * Table-level tenancy: each table and the column holding the tenant id.
   * Not needed for database-level tenancy. (Older docs call it `tableList`.)
   */
  tableTenancySettings?: { name: string; clientColumn: string }[];
}

/**
 * Body of `POST /api/v2/data-app/embeds`: makes an existing dashboard, or a
 * metric of it, embeddable in the data app whose API key is used.
 *
 * @example
 * ```ts
 * import type { CreateEmbedRequest } from '@databrain-embed/core';
 * const body: CreateEmbedRequest = {
 *   embedType: 'dashboard',
 *   dashboardId: 'sales',
 *   workspaceName: 'Analytics',
 *   name: 'Sales overview',
 *   accessSettings: { datamartName: 'sales-mart' },
 * };
 * ```
 */
export interface CreateEmbedRequest {
  embedType: 'dashboard' | 'metric';
  /** The dashboard to embed; required for a dashboard embed. */
  dashboardId?: string;
  /** The metric to embed; required for a metric embed. */
  metricId?: string;
  /** The workspace holding the dashboard or metric. */
  workspaceName: string;
  /** A name for the embed; DataBrain uses the embed id when it is left out. */
  name?: string;
  accessSettings: EmbedAccessSettings;
}

/**
 * Success body of `POST /api/v2/data-app/embeds`: the new embed's id.
 *
 * @example
 * ```ts
 * import type { CreateEmbedResponse } from '@databrain-embed/core';
 * const response: CreateEmbedResponse = { id: 'embed_abc123' };
 * ```
 */
export interface CreateEmbedResponse {
  /** The `embedId` of the new embed. */
  id: string;
}

const accessSettingsSchema = z.strictObject(
  {
    datamartName: text(),
    isAllowAiPilot: flag().exactOptional(),
    isAllowEmailReports: flag().exactOptional(),
    isAllowManageMetrics: flag().exactOptional(),
    isAllowCreateDashboardView: flag().exactOptional(),
    isAllowMetricCreation: flag().exactOptional(),
    isAllowMetricDeletion: flag().exactOptional(),
    isAllowMetricLayoutChange: flag().exactOptional(),
    isAllowMetricUpdate: flag().exactOptional(),
    isAllowUnderlyingData: flag().exactOptional(),
    metricCreationMode: oneOf(METRIC_CREATION_MODES).exactOptional(),
    joinModel: text().exactOptional(),
    tableTenancySettings: z
      .array(z.strictObject({ name: text(), clientColumn: text() }, { error: 'must be an object' }), {
        error: 'must be a list of { name, clientColumn }',
      })
      .exactOptional(),
  },
  {
    error: (issue) =>
      issue.code !== 'invalid_type'
        ? undefined
        : issue.input === undefined
          ? 'is required'
          : 'must be an object',
  },
);

/**
 * Validates a `POST /api/v2/data-app/embeds` body: `embedType`,
 * `workspaceName` and `accessSettings.datamartName` always; `dashboardId`
 * for a dashboard embed and `metricId` for a metric embed. Unknown keys are
 * rejected at their path.
 *
 * @example
 * ```ts
 * import { createEmbedRequestSchema } from '@databrain-embed/core';
 * createEmbedRequestSchema.safeParse({ embedType: 'metric', workspaceName: 'Analytics',
 *   accessSettings: { datamartName: 'sales-mart' } }).success; // false: metricId is required
 * ```
 */
export const createEmbedRequestSchema: z.ZodType<CreateEmbedRequest> = plainData(
  z
    .strictObject({
      embedType: oneOf(['dashboard', 'metric']),
      dashboardId: text().exactOptional(),
      metricId: text().exactOptional(),
      workspaceName: text(),
      name: text().exactOptional(),
      accessSettings: accessSettingsSchema,
    })
    .superRefine((body, ctx) => {
      if (body.embedType === 'dashboard')
        requireWhen(ctx, body.dashboardId, ['dashboardId'], 'embedType is "dashboard"');
      if (body.embedType === 'metric') requireWhen(ctx, body.metricId, ['metricId'], 'embedType is "metric"');
    }, always),
);

/**
 * Validates a {@link CreateEmbedRequest} and returns the body to send,
 * unchanged. Throws a `DatabrainValidationError` naming every invalid field.
 *
 * @example
 * ```ts
 * import { buildCreateEmbedRequest } from '@databrain-embed/core';
 * const body = buildCreateEmbedRequest({
 *   embedType: 'dashboard',
 *   dashboardId: 'sales',
 *   workspaceName: 'Analytics',
 *   accessSettings: { datamartName: 'sales-mart', isAllowMetricCreation: false },
 * });
 * ```
 */
export function buildCreateEmbedRequest(input: CreateEmbedRequest): CreateEmbedRequest {
  return validate(createEmbedRequestSchema, input, 'embed request');
}

/**
 * Reads a `POST /api/v2/data-app/embeds` answer: `id` must be a non-empty
 * string; the `error: null` beside it is dropped.
 *
 * @example
 * ```ts
 * import { createEmbedResponseSchema } from '@databrain-embed/core';
 * createEmbedResponseSchema.parse({ id: 'embed_abc123', error: null }); // { id: 'embed_abc123' }
 * ```
 */
export const createEmbedResponseSchema: z.ZodType<CreateEmbedResponse, unknown> = z
  .looseObject({ id: text() })
  .transform((body): CreateEmbedResponse => ({ id: body.id }));
