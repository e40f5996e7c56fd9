import { describe, expect, it } from 'vitest';
import { isIanaTimeZone } from './timezone.ts';

describe('isIanaTimeZone', () => {
  it.each(['UTC', 'America/New_York', 'Europe/Paris', 'Asia/Kolkata', 'Etc/UTC', 'Etc/GMT+5'])(
    'accepts %s',
    (zone) => {
      expect(isIanaTimeZone(zone)).toBe(true);
    },
  );

  it('accepts every zone the runtime lists', () => {
    expect(Intl.supportedValuesOf('timeZone').every(isIanaTimeZone)).toBe(true);
  });

  it.each(['', ' ', 'Mars/Olympus', 'america/new_york', 'EUROPE/PARIS', '+02:00', 'EST5EDT/x', 'New York'])(
    'rejects %j',
    (zone) => {
      expect(isIanaTimeZone(zone)).toBe(false);
    },
  );

  it('rejects values that are not strings', () => {
    expect(isIanaTimeZone(42 as unknown as string)).toBe(false);
  });
});
