import * as z from 'zod';

/**
 * The paging fields every DataBrain list endpoint takes (`GET /api/v2/data-app`,
 * `…/embeds`, `…/metrics`), with one wording of their rules.
 */
export const PAGINATION_FIELDS: {
  readonly isPagination: z.ZodExactOptional<z.ZodBoolean>;
  readonly pageNumber: z.ZodExactOptional<z.ZodNumber>;
} = {
  isPagination: z.boolean({ error: 'must be a boolean (true or false)' }).exactOptional(),
  pageNumber: z
    .number({ error: 'must be a positive integer' })
    .int('must be a positive integer')
    .min(1, 'must be a positive integer (pages count from 1)')
    .exactOptional(),
};

/**
 * A validated list query as the string record DataBrain expects, ready for
 * `URLSearchParams`: booleans and numbers as text, absent fields left out.
 */
export function toQueryRecord(
  valid: Readonly<Record<string, string | number | boolean | undefined>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(valid)) if (value !== undefined) out[name] = String(value);
  return out;
}
