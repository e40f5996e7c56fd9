import { describe, expect, it } from 'vitest';
import { DEFAULT_TOKEN_LIFETIME_MS, type ExpiresIn, expiresInSchema, toExpiryTime } from './expiresIn.ts';
import { issuesOf } from './issuesOf.test.helpers.ts';

/** The first issue `toExpiryTime` reports for `value`; fails when it does not throw. */
const issueOf = (value: unknown) => issuesOf(() => toExpiryTime(value as ExpiresIn))[0];

describe('toExpiryTime', () => {
  it('defaults to one hour when omitted', () => {
    expect(DEFAULT_TOKEN_LIFETIME_MS).toBe(3_600_000);
    expect(toExpiryTime(undefined)).toBe(3_600_000);
  });

  it("gives no expiry time for 'never'", () => {
    expect(toExpiryTime('never')).toBeUndefined();
  });

  it('passes milliseconds through', () => {
    expect(toExpiryTime(1)).toBe(1);
    expect(toExpiryTime(604_800_000)).toBe(604_800_000);
  });

  it.each([
    ['15s', 15_000],
    ['30m', 1_800_000],
    ['1h', 3_600_000],
    ['7d', 604_800_000],
    ['1h30m', 5_400_000],
    ['1d2h3m4s', 93_784_000],
    ['90m', 5_400_000],
  ] as const)('reads %s as %i ms', (text, ms) => {
    expect(toExpiryTime(text)).toBe(ms);
  });

  it('adds up a duration object', () => {
    expect(toExpiryTime({ hours: 1, minutes: 30 })).toBe(5_400_000);
    expect(toExpiryTime({ days: 7 })).toBe(604_800_000);
    expect(toExpiryTime({ seconds: 15, days: 0 })).toBe(15_000);
  });

  it.each([
    ['zero', 0],
    ['a negative number', -5],
    ['a fraction', 1.5],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
  ])('rejects %s of milliseconds', (_, value) => {
    expect(issueOf(value)).toEqual({
      path: 'expiresIn',
      message: 'must be a positive integer of milliseconds',
    });
  });

  it.each(['', '1', '1 h', '1hour', '30m1h', '1h1h', '-1h', '1.5h', 'forever', '1w'])(
    'rejects the string %j',
    (text) => {
      expect(issueOf(text)?.path).toBe('expiresIn');
      expect(issueOf(text)?.message).toMatch(/units d, h, m, s in that order/);
    },
  );

  it('rejects zero-length durations', () => {
    expect(issueOf('0h')).toEqual({ path: 'expiresIn', message: 'must be longer than zero' });
    expect(issueOf({})).toEqual({ path: 'expiresIn', message: 'must be longer than zero' });
  });

  it('rejects unknown units and bad amounts in a duration object', () => {
    expect(issueOf({ weeks: 1 })?.message).toBe(
      'has an unknown unit "weeks" (use days, hours, minutes, seconds)',
    );
    expect(issueOf({ hours: -1 })?.message).toBe('hours must be a non-negative integer');
    expect(issueOf({ minutes: '5' })?.message).toBe('minutes must be a non-negative integer');
  });

  it('rejects durations too long to count in milliseconds exactly', () => {
    expect(issueOf('999999999999d')).toEqual({ path: 'expiresIn', message: 'is too long' });
  });

  it('rejects other types', () => {
    for (const bad of [null, true, ['1h'], () => 1]) expect(issueOf(bad)?.path).toBe('expiresIn');
  });
});

describe('expiresInSchema', () => {
  it('accepts every form and refuses an explicit undefined', () => {
    for (const ok of [1000, '1h', { days: 1 }, 'never'])
      expect(expiresInSchema.safeParse(ok).success).toBe(true);
    expect(expiresInSchema.safeParse(undefined).error?.issues[0]?.message).toBe(
      'must not be undefined (omit it instead)',
    );
  });
});
