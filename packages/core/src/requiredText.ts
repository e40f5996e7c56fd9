import * as z from 'zod';

/**
 * A required string that is not empty or only whitespace. Messages name the
 * rule, never the value: ids such as `clientId` identify tenants.
 */
export function requiredText(): z.ZodString {
  return z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') })
    .refine((text) => text.trim() !== '', { message: 'must not be empty', abort: true });
}
