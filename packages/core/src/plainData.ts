import * as z from 'zod';
import { isPlainObject } from './isPlainObject.ts';

/**
 * Own keys no input may carry. `JSON.parse` makes `__proto__` an ordinary
 * own key, which zod would silently drop and a later spread could turn into
 * a prototype; `constructor` and `prototype` are refused with it so that no
 * input can reach an object's machinery.
 */
const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Whether `key` is one of the own keys no input may carry. */
export function isReservedKey(key: string): boolean {
  return RESERVED_KEYS.has(key);
}

/** The message for a reserved key, at its path. */
export const RESERVED_KEY_RULE =
  'is a reserved key (__proto__, constructor and prototype are never accepted)';

// Deeper than any request body; a cyclic input stops here instead of looping.
const MAX_DEPTH = 32;

const NO_KEYS: ReadonlySet<string> = new Set();

interface StructureIssue {
  readonly path: PropertyKey[];
  readonly message: string;
}

function structureIssues(
  value: unknown,
  path: PropertyKey[],
  depth: number,
  issues: StructureIssue[],
  opaqueKeys: ReadonlySet<string> = NO_KEYS,
): void {
  if (typeof value !== 'object' || value === null) return;
  if (depth > MAX_DEPTH) {
    issues.push({ path, message: `must not be nested deeper than ${MAX_DEPTH} levels` });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      structureIssues(item, [...path, index], depth + 1, issues);
    });
    return;
  }
  if (!isPlainObject(value)) {
    const named: unknown = (value as { constructor?: { name?: unknown } }).constructor?.name;
    const kind =
      typeof named === 'string' && named !== '' ? named : Object.prototype.toString.call(value).slice(8, -1);
    issues.push({ path, message: `must be a plain object, not a ${kind}` });
    return;
  }
  for (const key of Object.keys(value)) {
    if (RESERVED_KEYS.has(key)) {
      issues.push({ path: [...path, key], message: RESERVED_KEY_RULE });
    } else if (!opaqueKeys.has(key)) {
      structureIssues((value as Record<string, unknown>)[key], [...path, key], depth + 1, issues);
    }
  }
}

/**
 * `schema`, after a check of the input's structure: anywhere in it, an
 * object that is not a plain object (a `Date`, a `Map`, a class instance),
 * which zod would read as `{}`, and an own `__proto__`, `constructor` or
 * `prototype` key are each reported at their path, and `schema` is not run.
 * The values under `opaqueKeys` (keys of the input itself) are not looked
 * into: they hold collaborators the caller hands over, such as a token store
 * or a Redis client, which may well be class instances; their schema checks
 * them.
 *
 * @example
 * ```ts
 * import { plainData, z } from '@databrain-embed/core/internal';
 * const list = plainData(z.array(z.object({ id: z.string() })));
 * list.safeParse([new Date()]); // issue at [0]: must be a plain object, not a Date
 * ```
 */
export function plainData<S extends z.ZodType>(
  schema: S,
  opaqueKeys: readonly string[] = [],
): z.ZodPreprocess<S, unknown> {
  const opaque: ReadonlySet<string> = new Set(opaqueKeys);
  return z.preprocess((value, ctx) => {
    const issues: StructureIssue[] = [];
    structureIssues(value, [], 0, issues, opaque);
    for (const issue of issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    return value;
  }, schema);
}
