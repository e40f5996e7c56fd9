import {
  type MetricDataRequest,
  metricQueryFiltersSchema,
  type ValidationIssue,
} from '@databrain-embed/core';
import { plainData, requiredText, toValidationIssues, z } from '@databrain-embed/core/internal';

// Unknown keys are dropped, not refused: a browser sending `clientId` or a
// security filter gets its answer for the tenant the server chose, and what
// it sent never goes further than this schema.
const requestSchema = plainData(
  z.object(
    {
      metricId: requiredText(),
      embedId: requiredText().exactOptional(),
      filters: metricQueryFiltersSchema.exactOptional(),
    },
    { error: 'must be a JSON object such as { "metricId": "…" }' },
  ),
);

/**
 * Reads what a browser asked a metric-data handler for: `metricId`,
 * optionally `embedId` and `filters` (JSON values under non-empty names).
 * Every other key is dropped. Issues name the field and rule, never a value.
 */
export function parseMetricDataRequest(
  body: unknown,
): { ok: true; value: MetricDataRequest } | { ok: false; issues: ValidationIssue[] } {
  const result = requestSchema.safeParse(body);
  if (!result.success) return { ok: false, issues: toValidationIssues(result.error.issues) };
  const { metricId, embedId, filters } = result.data;
  return {
    ok: true,
    value: {
      metricId,
      ...(embedId === undefined ? {} : { embedId }),
      ...(filters === undefined ? {} : { filters }),
    },
  };
}
