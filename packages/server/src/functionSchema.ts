import { z } from '@databrain-embed/core/internal';

/**
 * A schema for an option that must be a function (a `fetch`, an `authorize`,
 * an `onError`); `rule` is the message when it is not. Functions are passed
 * through as given: zod cannot check their signatures.
 */
export function functionSchema<T extends (...args: never[]) => unknown>(rule: string): z.ZodCustom<T, T> {
  return z.custom<T>((value) => typeof value === 'function', { error: rule });
}
