/**
 * Whether `value` is a plain object: one a literal or `JSON.parse` makes
 * (prototype `Object.prototype` or `null`), not an array, a `Date`, a `Map`
 * or another class's instance. The check before treating a value as
 * name → value data.
 *
 * @example
 * ```ts
 * import { isPlainObject } from '@databrain-embed/core/guards';
 * isPlainObject({ region: 'EMEA' }); // true
 * isPlainObject(new Date()); // false
 * ```
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
