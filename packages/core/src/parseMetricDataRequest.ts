import * as z from 'zod';
import type { ValidationIssue } from './DatabrainValidationError.ts';
import type { MetricDataRequest } from './metricData.ts';
import { metricQueryFiltersSchema } from './metricQuery.ts';
import { plainData } from './plainData.ts';
import { requiredText } from './requiredText.ts';
import { toValidationIssues } from './validate.ts';

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
 * The server's `createMetricDataHandler` and the Storybook addon's in-page
 * data route read requests with it.
 *
 * @example
 * ```ts
 * import { parseMetricDataRequest } from '@databrain-embed/core/internal';
 * const parsed = parseMetricDataRequest({ metricId: 'total-revenue', clientId: 'ignored' });
 * // { ok: true, value: { metricId: 'total-revenue' } }
 * ```
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
