import * as z from 'zod';
import { DatabrainValidationError } from './DatabrainValidationError.ts';
import { isRecord } from './isRecord.ts';

/**
 * How long a guest token lives when `expiresIn` is omitted: one hour.
 * DataBrain's own default is "never expires"; a token that leaks from a
 * browser should not stay valid forever, so never-expiring tokens must be
 * asked for with `expiresIn: 'never'`.
 *
 * @example
 * ```ts
 * import { DEFAULT_TOKEN_LIFETIME_MS } from '@databrain-embed/core';
 * DEFAULT_TOKEN_LIFETIME_MS; // 3600000
 * ```
 */
export const DEFAULT_TOKEN_LIFETIME_MS: number = 60 * 60 * 1000;

/**
 * A readable duration. Fields are non-negative integers and add up; the
 * total must be more than zero.
 *
 * @example
 * ```ts
 * import type { Duration } from '@databrain-embed/core';
 * const shift: Duration = { hours: 8, minutes: 30 };
 * ```
 */
export interface Duration {
  days?: number;
  hours?: number;
  minutes?: number;
  seconds?: number;
}

/**
 * A duration written as units in order `d`, `h`, `m`, `s`, each used at most
 * once: `'7d'`, `'1h'`, `'1h30m'`, `'15s'`.
 *
 * @example
 * ```ts
 * import type { DurationString } from '@databrain-embed/core';
 * const lifetime: DurationString = '1h30m';
 * ```
 */
export type DurationString = `${number}${'d' | 'h' | 'm' | 's'}${string}`;

/**
 * A guest token's lifetime: milliseconds (a positive integer), a
 * {@link Duration}, a {@link DurationString}, or `'never'` for a token that
 * does not expire.
 *
 * @example
 * ```ts
 * import type { ExpiresIn } from '@databrain-embed/core';
 * const choices: ExpiresIn[] = [3_600_000, { hours: 1 }, '1h', 'never'];
 * ```
 */
export type ExpiresIn = number | Duration | DurationString | 'never';

const UNIT_MS = { days: 86_400_000, hours: 3_600_000, minutes: 60_000, seconds: 1000 } as const;
const DURATION_STRING = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;
const RULE =
  "must be a positive integer of milliseconds, a duration such as { hours: 1 }, a string such as '1h30m' " +
  "(units d, h, m, s in that order), or 'never'";

function checked(ms: number): number | { problem: string } {
  if (ms <= 0) return { problem: 'must be longer than zero' };
  if (!Number.isSafeInteger(ms)) return { problem: 'is too long' };
  return ms;
}

/** Milliseconds for `value`, `undefined` for `'never'`, or the rule it breaks. */
function resolve(value: unknown): number | undefined | { problem: string } {
  if (value === 'never') return undefined;
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) && value > 0
      ? value
      : { problem: 'must be a positive integer of milliseconds' };
  }
  if (typeof value === 'string') {
    const match = DURATION_STRING.exec(value);
    if (value === '' || !match) return { problem: RULE };
    const [, days = '0', hours = '0', minutes = '0', seconds = '0'] = match;
    const ms =
      Number(days) * UNIT_MS.days +
      Number(hours) * UNIT_MS.hours +
      Number(minutes) * UNIT_MS.minutes +
      Number(seconds) * UNIT_MS.seconds;
    return checked(ms);
  }
  if (isRecord(value)) {
    let ms = 0;
    for (const [unit, amount] of Object.entries(value)) {
      if (!Object.hasOwn(UNIT_MS, unit))
        return { problem: `has an unknown unit "${unit}" (use days, hours, minutes, seconds)` };
      if (amount === undefined) continue;
      if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 0)
        return { problem: `${unit} must be a non-negative integer` };
      ms += amount * UNIT_MS[unit as keyof typeof UNIT_MS];
    }
    return checked(ms);
  }
  return { problem: RULE };
}

/**
 * Validates an {@link ExpiresIn} value (`undefined` is not one: the field
 * using it is optional instead).
 *
 * @example
 * ```ts
 * import { expiresInSchema } from '@databrain-embed/core';
 * expiresInSchema.safeParse('1h30m').success; // true
 * ```
 */
export const expiresInSchema: z.ZodType<ExpiresIn> = z.custom<ExpiresIn>().superRefine((value, ctx) => {
  const result =
    value === undefined ? { problem: 'must not be undefined (omit it instead)' } : resolve(value);
  if (typeof result === 'object') ctx.addIssue({ code: 'custom', message: result.problem });
});

/**
 * Turns `expiresIn` into the wire `expiryTime` (milliseconds from now):
 * `undefined` gives {@link DEFAULT_TOKEN_LIFETIME_MS}, `'never'` gives
 * `undefined` (no `expiryTime`, so DataBrain never expires the token).
 * Throws {@link DatabrainValidationError} (path `expiresIn`) for anything else.
 *
 * @example
 * ```ts
 * import { toExpiryTime } from '@databrain-embed/core';
 * toExpiryTime('1h30m'); // 5400000
 * toExpiryTime({ days: 7 }); // 604800000
 * toExpiryTime(undefined); // 3600000
 * toExpiryTime('never'); // undefined
 * ```
 */
export function toExpiryTime(expiresIn: ExpiresIn | undefined): number | undefined {
  if (expiresIn === undefined) return DEFAULT_TOKEN_LIFETIME_MS;
  const result = resolve(expiresIn);
  if (typeof result === 'object')
    throw new DatabrainValidationError('token lifetime', [{ path: 'expiresIn', message: result.problem }]);
  return result;
}
