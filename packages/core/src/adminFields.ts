import * as z from 'zod';
import { requiredText } from './requiredText.ts';

// Shared field rules for the admin request schemas. Messages describe the
// rule only and never the value, because credential fields carry secrets.

const presence =
  (expected: string, required = 'is required') =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined ? required : `must be ${expected}`;

/**
 * A required string that is not empty or only whitespace, by the same rule
 * as every other schema ({@link requiredText}); `required` is the message
 * when it is missing.
 */
export function text(required?: string): z.ZodString {
  return requiredText(required);
}

/** A string that may be empty (DataBrain allows `""`, e.g. an S3 dataset path). */
export function anyText(): z.ZodString {
  return z.string({ error: presence('a string') });
}

/** A boolean flag. */
export function flag(): z.ZodBoolean {
  return z.boolean({ error: presence('a boolean (true or false)') });
}

/** A TCP port: an integer from 1 to 65535. */
export function port(): z.ZodNumber {
  const rule = 'must be an integer from 1 to 65535';
  return z
    .number({ error: presence('a number (an integer from 1 to 65535)') })
    .int(rule)
    .min(1, rule)
    .max(65535, rule);
}

/** `values` quoted and comma-separated, as messages name allowed values. */
export function quotedList(values: readonly string[]): string {
  return values.map((value) => JSON.stringify(value)).join(', ');
}

/** One of `values`, named in the message. */
export function oneOf<const T extends readonly [string, ...string[]]>(
  values: T,
): z.ZodEnum<{ [K in T[number]]: K }> {
  const allowed = quotedList(values);
  return z.enum(values, {
    error: (issue) =>
      issue.input === undefined ? `is required (one of ${allowed})` : `must be one of ${allowed}`,
  });
}

/**
 * Adds an issue at `path` when `value` is missing. For conditional rules,
 * which run even when other fields already failed, so every problem is
 * reported at once.
 */
export function requireWhen(
  ctx: z.RefinementCtx,
  value: unknown,
  path: readonly PropertyKey[],
  condition: string,
): void {
  if (value === undefined)
    ctx.addIssue({ code: 'custom', path: [...path], message: `is required when ${condition}` });
}

/**
 * Makes a refinement run even when some fields already failed, as long as the
 * input is an object at all.
 */
export const always: { when: (payload: { value: unknown }) => boolean } = {
  when: (payload) => typeof payload.value === 'object' && payload.value !== null,
};
