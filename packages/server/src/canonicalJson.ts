/**
 * The JSON text of `value` with the keys of every object in sorted order, so
 * two bodies that hold the same data serialize alike whatever order their
 * keys were written in. Arrays keep their order: it is part of the data.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, current: unknown) => {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return current;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(current).sort()) sorted[key] = (current as Record<string, unknown>)[key];
    return sorted;
  });
}
