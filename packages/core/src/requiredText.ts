import * as z from 'zod';

/**
 * A required string that is not empty or only whitespace: the one rule for
 * blank strings in every schema. Messages name the rule, never the value:
 * ids such as `clientId` identify tenants, and credential fields are secrets.
 * `required` is the message when the string is missing.
 *
 * @example
 * ```ts
 * import { requiredText } from '@databrain-embed/core/internal';
 * requiredText().safeParse('  ').success; // false: must not be empty
 * ```
 */
export function requiredText(required = 'is required'): z.ZodString {
  return z
    .string({ error: (issue) => (issue.input === undefined ? required : 'must be a string') })
    .refine((text) => text.trim() !== '', { message: 'must not be empty', abort: true });
}
