/**
 * Whether `value` is a JSON object (not `null`, not an array): the first
 * check before reading the fields of a parsed body or an options object.
 *
 * @example
 * ```ts
 * import { isRecord } from '@databrain-embed/core/guards';
 * const body: unknown = JSON.parse(text);
 * const message = isRecord(body) && typeof body.message === 'string' ? body.message : '';
 * ```
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
