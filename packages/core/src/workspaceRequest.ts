import * as z from 'zod';
import { always, flag, oneOf, quotedList, requireWhen, text } from './adminFields.ts';
import { plainData } from './plainData.ts';
import { validate } from './validate.ts';

/**
 * What a workspace is bound to. `MULTI_DATAMART` is accepted although only
 * DataBrain's API reference lists it (its overview page names the first three).
 *
 * @example
 * ```ts
 * import { WORKSPACE_CONNECTION_TYPES } from '@databrain-embed/core';
 * WORKSPACE_CONNECTION_TYPES.includes('DATAMART'); // true
 * ```
 */
export const WORKSPACE_CONNECTION_TYPES = [
  'DATASOURCE',
  'DATAMART',
  'MULTI_DATASOURCE',
  'MULTI_DATAMART',
] as const;

/**
 * One of {@link WORKSPACE_CONNECTION_TYPES}.
 *
 * @example
 * ```ts
 * import type { WorkspaceConnectionType } from '@databrain-embed/core';
 * const type: WorkspaceConnectionType = 'MULTI_DATASOURCE';
 * ```
 */
export type WorkspaceConnectionType = (typeof WORKSPACE_CONNECTION_TYPES)[number];

/**
 * The kinds of AI metric summary a workspace can produce; `custom` needs a
 * `customSummaryPrompt`.
 *
 * @example
 * ```ts
 * import { WORKSPACE_SUMMARY_TYPES } from '@databrain-embed/core';
 * WORKSPACE_SUMMARY_TYPES[0]; // 'technicalAndInsightSummary'
 * ```
 */
export const WORKSPACE_SUMMARY_TYPES = [
  'technicalAndInsightSummary',
  'forecastAndTrendAnalysis',
  'comparativeAndAnomalyDetection',
  'custom',
] as const;

/**
 * One of {@link WORKSPACE_SUMMARY_TYPES}.
 *
 * @example
 * ```ts
 * import type { WorkspaceSummaryType } from '@databrain-embed/core';
 * const summary: WorkspaceSummaryType = 'custom';
 * ```
 */
export type WorkspaceSummaryType = (typeof WORKSPACE_SUMMARY_TYPES)[number];

/**
 * Settings every workspace request may carry, whatever its connection type.
 *
 * @example
 * ```ts
 * import type { WorkspaceOptions } from '@databrain-embed/core';
 * const options: WorkspaceOptions = { name: 'Sales', isEnableMetricSummary: true, summaryType: 'forecastAndTrendAnalysis' };
 * ```
 */
export interface WorkspaceOptions {
  /** Unique within the organization. */
  name: string;
  /** An LLM configured in the organization, for the workspace's AI features. */
  llmName?: string;
  /** LLM names offered in the AI copilot; each must exist in the organization. */
  aiCopilotLlms?: string[];
  isEnableMetricSuggestions?: boolean;
  isEnableMetricSummary?: boolean;
  /** Required when `isEnableMetricSummary` is `true`. */
  summaryType?: WorkspaceSummaryType;
  /** Required when `summaryType` is `custom`. */
  customSummaryPrompt?: string;
  /** A theme configured in the organization. */
  themeName?: string;
}

/**
 * Body of `POST /api/v2/workspace`: a single datasource (`datasourceName`), a
 * single datamart (`datamartName`), or several of either.
 *
 * @example
 * ```ts
 * import type { WorkspaceRequest } from '@databrain-embed/core';
 * const body: WorkspaceRequest = { name: 'Sales', connectionType: 'DATASOURCE', datasourceName: 'production-postgres' };
 * ```
 */
export type WorkspaceRequest = WorkspaceOptions &
  (
    | { connectionType: 'DATASOURCE'; datasourceName: string }
    | { connectionType: 'DATAMART'; datamartName: string }
    | { connectionType: 'MULTI_DATASOURCE' }
    | { connectionType: 'MULTI_DATAMART' }
  );

/**
 * Success body of `POST /api/v2/workspace`.
 *
 * @example
 * ```ts
 * import type { WorkspaceResponse } from '@databrain-embed/core';
 * const response: WorkspaceResponse = { data: { name: 'Sales' }, error: null };
 * ```
 */
export interface WorkspaceResponse {
  data: { name: string };
  error: null;
}

const nameOf = (connectionType: string): z.ZodString =>
  text(`is required when connectionType is "${connectionType}"`);

const options = {
  name: text(),
  llmName: text().exactOptional(),
  aiCopilotLlms: z
    .array(text(), {
      error: (issue) => (issue.input === undefined ? 'is required' : 'must be an array of LLM names'),
    })
    .exactOptional(),
  isEnableMetricSuggestions: flag().exactOptional(),
  isEnableMetricSummary: flag().exactOptional(),
  summaryType: oneOf(WORKSPACE_SUMMARY_TYPES).exactOptional(),
  customSummaryPrompt: text().exactOptional(),
  themeName: text().exactOptional(),
};

const connectionTypes = quotedList(WORKSPACE_CONNECTION_TYPES);

/**
 * Validates a `POST /api/v2/workspace` body as DataBrain expects it, including
 * the conditional rules (`datasourceName` for `DATASOURCE`, `datamartName` for
 * `DATAMART`, `summaryType` when summaries are on, `customSummaryPrompt` for a
 * custom summary). Unknown keys are rejected so typos surface early.
 *
 * @example
 * ```ts
 * import { workspaceRequestSchema } from '@databrain-embed/core';
 * workspaceRequestSchema.safeParse({ name: 'Sales', connectionType: 'MULTI_DATASOURCE' }).success; // true
 * ```
 */
export const workspaceRequestSchema: z.ZodType<WorkspaceRequest> = plainData(
  z
    .discriminatedUnion(
      'connectionType',
      [
        z.strictObject({
          ...options,
          connectionType: z.literal('DATASOURCE'),
          datasourceName: nameOf('DATASOURCE'),
        }),
        z.strictObject({
          ...options,
          connectionType: z.literal('DATAMART'),
          datamartName: nameOf('DATAMART'),
        }),
        z.strictObject({ ...options, connectionType: z.literal('MULTI_DATASOURCE') }),
        z.strictObject({ ...options, connectionType: z.literal('MULTI_DATAMART') }),
      ],
      {
        error: (issue) =>
          issue.code === 'invalid_union' && issue.path?.length
            ? `must be one of ${connectionTypes}`
            : undefined,
      },
    )
    .superRefine((body, ctx) => {
      if (body.isEnableMetricSummary === true) {
        requireWhen(ctx, body.summaryType, ['summaryType'], 'isEnableMetricSummary is true');
      }
      if (body.summaryType === 'custom') {
        requireWhen(ctx, body.customSummaryPrompt, ['customSummaryPrompt'], 'summaryType is "custom"');
      }
    }, always),
);

/**
 * Validates a `POST /api/v2/workspace` body and returns it, ready to send.
 * Throws a `DatabrainValidationError` naming every invalid field.
 *
 * @example
 * ```ts
 * import { buildWorkspaceRequest } from '@databrain-embed/core';
 * const body = buildWorkspaceRequest({
 *   name: 'Sales',
 *   connectionType: 'DATASOURCE',
 *   datasourceName: 'production-postgres',
 *   isEnableMetricSummary: true,
 *   summaryType: 'technicalAndInsightSummary',
 * });
 * ```
 */
export function buildWorkspaceRequest(input: WorkspaceRequest): WorkspaceRequest {
  return validate(workspaceRequestSchema, input, 'workspace request');
}
