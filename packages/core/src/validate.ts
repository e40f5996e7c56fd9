import type * as z from 'zod';
import { DatabrainValidationError, type ValidationIssue } from './DatabrainValidationError.ts';

/** Formats a zod path as `params.appFilters[0].values.country`. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/**
 * Turns zod issues (or issues shaped like them) into our own, secret-free
 * ones. zod's messages describe the rule (expected type, allowed options,
 * bounds) and never echo the input; messages written in our schemas and
 * checks follow the same rule.
 *
 * @example
 * ```ts
 * import { toValidationIssues } from '@databrain-embed/core/internal';
 * toValidationIssues([{ path: ['params', 'appFilters', 0], message: 'must be an object' }]);
 * // [{ path: 'params.appFilters[0]', message: 'must be an object' }]
 * ```
 */
export function toValidationIssues(
  issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[],
): ValidationIssue[] {
  return issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/**
 * Parses `input` with `schema`; on failure throws a
 * {@link DatabrainValidationError} listing every issue. `subject` names what
 * was validated ("guest token request") for the message.
 *
 * @example
 * ```ts
 * import { requiredText, validate } from '@databrain-embed/core/internal';
 * const name = validate(requiredText(), input.name, 'workspace name'); // throws DatabrainValidationError
 * ```
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown, subject: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new DatabrainValidationError(subject, toValidationIssues(result.error.issues));
}
