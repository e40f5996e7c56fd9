import { isPlainObject } from './isPlainObject.ts';

/**
 * Credential field names whose values are secrets. Validation messages never
 * quote them, and {@link redactSecrets} blanks them before anything is logged.
 *
 * @example
 * ```ts
 * import { SECRET_CREDENTIAL_FIELDS } from '@databrain-embed/core';
 * SECRET_CREDENTIAL_FIELDS.includes('privateKey'); // true
 * ```
 */
export const SECRET_CREDENTIAL_FIELDS = [
  'password',
  'privateKey',
  'token',
  'client_secret',
  's3SecretAccessKey',
  'sshPrivateKey',
  'credentials_json',
] as const;

const secretFields: ReadonlySet<string> = new Set(SECRET_CREDENTIAL_FIELDS);

/**
 * A deep copy of `value` in which every property named in
 * {@link SECRET_CREDENTIAL_FIELDS}, at any depth, is replaced by
 * `'[redacted]'`. Arrays and plain objects are copied; other values (dates,
 * class instances) are kept as they are. Safe on cyclic structures.
 *
 * @example
 * ```ts
 * import { redactSecrets } from '@databrain-embed/core';
 * logger.info({ body: redactSecrets(datasourceBody) });
 * // credentials.password → '[redacted]'
 * ```
 */
export function redactSecrets<T>(value: T): T {
  return copy(value, new WeakMap()) as T;
}

function copy(value: unknown, seen: WeakMap<object, unknown>): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const known = seen.get(value);
  if (known !== undefined) return known;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    seen.set(value, out);
    for (const item of value) out.push(copy(item, seen));
    return out;
  }
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  seen.set(value, out);
  for (const [key, item] of Object.entries(value)) {
    // defineProperty, because assigning a `__proto__` key would change the copy's prototype.
    Object.defineProperty(out, key, {
      value: secretFields.has(key) ? '[redacted]' : copy(item, seen),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}
