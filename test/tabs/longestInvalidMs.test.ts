import { describe, expect, it } from 'vitest';
import { idealRequests, longestInvalidMs } from './measureTabs.mjs';

// Expiries by token, as the emulator would report them (null = never, missing = unknown).
const EXPIRIES: Readonly<Record<string, number | null>> = { first: 1_000, second: 2_000, forever: null };
const expiryOf = (token: string): number | null | undefined => EXPIRIES[token];

describe('longestInvalidMs', () => {
  it('is 0 when every token is replaced before it expires', () => {
    const log = [
      { at: 0, token: 'first' },
      { at: 900, token: 'second' },
    ];
    expect(longestInvalidMs(log, 0, 1_900, expiryOf)).toBe(0);
  });

  it('counts from a token’s expiry until the next token arrives', () => {
    const log = [
      { at: 0, token: 'first' },
      { at: 1_250, token: 'second' },
    ];
    expect(longestInvalidMs(log, 0, 1_900, expiryOf)).toBe(250);
  });

  it('counts a token the emulator does not know as invalid the whole time it is held', () => {
    const log = [
      { at: 0, token: 'first' },
      { at: 500, token: 'forged' },
      { at: 800, token: 'second' },
    ];
    expect(longestInvalidMs(log, 0, 1_900, expiryOf)).toBe(300);
  });

  it('joins back-to-back invalid stretches into one', () => {
    const log = [
      { at: 0, token: 'first' },
      { at: 1_200, token: 'forged' },
      { at: 1_500, token: 'forever' },
    ];
    expect(longestInvalidMs(log, 0, 3_000, expiryOf)).toBe(500);
  });

  it('stops at the end of the window, and a token that never expires is always valid', () => {
    expect(longestInvalidMs([{ at: 0, token: 'first' }], 0, 1_600, expiryOf)).toBe(600);
    expect(longestInvalidMs([{ at: 0, token: 'forever' }], 0, 60_000, expiryOf)).toBe(0);
  });
});

describe('idealRequests', () => {
  it('is what one tab needs with the default margin: 4 for three 6-second lifetimes', () => {
    // Tokens at 0, 4.8, 9.6 and 14.4 s.
    expect(idealRequests(3, 6_000)).toBe(4);
    expect(idealRequests(1, 6_000)).toBe(2);
  });
});
