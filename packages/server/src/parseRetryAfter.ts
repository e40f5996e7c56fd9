/**
 * The longest wait a `Retry-After` is taken to ask for, in seconds. A longer
 * (or absurd, 400-digit) value is read as this: it stays a finite number a
 * caller can print, compare and send on in its own `Retry-After` header.
 */
export const MAX_RETRY_AFTER_SECONDS = 3600;

/**
 * `seconds` as a whole number of seconds from 0 to
 * {@link MAX_RETRY_AFTER_SECONDS}, rounded up; `undefined` for a value that
 * is not a number at all.
 */
export function clampRetryAfterSeconds(seconds: number | undefined): number | undefined {
  if (seconds === undefined || Number.isNaN(seconds)) return undefined;
  return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(0, Math.ceil(seconds)));
}

/**
 * Reads a `Retry-After` header (delay in seconds, or an HTTP date) as a
 * number of milliseconds from `now`, from 0 to one hour
 * ({@link MAX_RETRY_AFTER_SECONDS}). `undefined` when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  let milliseconds: number;
  if (/^\d+$/.test(trimmed)) {
    milliseconds = Number(trimmed) * 1000;
  } else {
    // An HTTP date names its month and zone; a bare number such as `-5` is
    // no date, though `Date.parse` would read it as a year.
    const date = /[a-z]/i.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
    if (Number.isNaN(date)) return undefined;
    milliseconds = date - now;
  }
  return Math.min(MAX_RETRY_AFTER_SECONDS * 1000, Math.max(0, milliseconds));
}
