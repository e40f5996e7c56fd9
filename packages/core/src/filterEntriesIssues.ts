import type * as z from 'zod';
import { isReservedKey, RESERVED_KEY_RULE } from './plainData.ts';

/** One broken rule, at a path relative to the value checked. */
export interface Issue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/**
 * Every rule the entries of a filters object (name → value) break: each name
 * non-empty and not a reserved key, each value as `valueIssues` says, its
 * paths under the name. The one reading of filter names for the guest
 * token's filter values and a metric query's filters.
 */
export function filterEntriesIssues(
  values: Readonly<Record<string, unknown>>,
  valueIssues: (value: unknown) => readonly Issue[],
): Issue[] {
  const issues: Issue[] = [];
  for (const [name, value] of Object.entries(values)) {
    if (name.trim() === '') issues.push({ path: [], message: 'filter names must be non-empty strings' });
    else if (isReservedKey(name)) issues.push({ path: [name], message: RESERVED_KEY_RULE });
    else {
      for (const issue of valueIssues(value))
        issues.push({ path: [name, ...issue.path], message: issue.message });
    }
  }
  return issues;
}

/** Adds `issues` to a zod refinement, as custom issues at their paths. */
export function reportIssues(ctx: z.RefinementCtx, issues: readonly Issue[]): void {
  for (const issue of issues) ctx.addIssue({ code: 'custom', path: [...issue.path], message: issue.message });
}
