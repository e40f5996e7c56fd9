let known: ReadonlySet<string> | undefined;

function knownZones(): ReadonlySet<string> {
  // Built on first use: the list has ~400 entries and most programs never need it.
  known ??= new Set(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []);
  return known;
}

function resolvedZone(name: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/**
 * Whether `name` is an IANA time-zone name this runtime knows, spelled as
 * IANA spells it (`America/New_York`, `UTC`). The runtime must accept it as a
 * `timeZone`, and it must be in `Intl.supportedValuesOf('timeZone')` (directly
 * or once resolved, which admits aliases such as `US/Eastern` and `Etc/` zones).
 * Offsets like `+02:00`, which newer runtimes also accept, are rejected:
 * DataBrain sets it as a database session zone, which expects a zone name.
 *
 * @example
 * ```ts
 * import { isIanaTimeZone } from '@databrain-embed/core';
 * isIanaTimeZone('Europe/Paris'); // true
 * isIanaTimeZone('Mars/Olympus'); // false
 * ```
 */
export function isIanaTimeZone(name: string): boolean {
  if (typeof name !== 'string' || name.trim() === '') return false;
  let answer = checked.get(name);
  if (answer === undefined) {
    answer = check(name);
    // Apps use a handful of zones; the cap keeps hostile input from growing the cache.
    if (checked.size < 1000) checked.set(name, answer);
  }
  return answer;
}

// Building an Intl.DateTimeFormat is by far the most expensive step of
// validating a guest-token request, so each name is checked once.
const checked = new Map<string, boolean>();

function check(name: string): boolean {
  const resolved = resolvedZone(name);
  if (resolved === undefined) return false;
  // The runtime matches zone names case-insensitively; IANA spelling is exact.
  if (name !== resolved && name.toLowerCase() === resolved.toLowerCase()) return false;
  const zones = knownZones();
  // Without the list (very old runtimes) the constructor check is all there is.
  if (zones.size === 0) return !/^[+-]/.test(name);
  return zones.has(name) || zones.has(resolved) || resolved === 'UTC' || resolved.startsWith('Etc/');
}
