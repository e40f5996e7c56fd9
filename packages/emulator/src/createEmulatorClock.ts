import { DatabrainError } from '@databrain-embed/core';

/**
 * The emulator's clock: it decides when tokens are issued and when they
 * expire. It follows the base clock (`Date.now` unless `startEmulator`'s `now`
 * says otherwise) shifted by what a test moved it, so a test can make a token
 * expire without waiting.
 *
 * @example
 * ```ts
 * emulator.clock.advance(61_000); // a 60-second token is now expired
 * emulator.clock.set(Date.parse('2030-01-01T00:00:00Z'));
 * emulator.clock.reset(); // back to the base clock
 * ```
 */
export interface EmulatorClock {
  /** The current time in epoch ms. */
  now(): number;
  /** Moves the clock forward by `ms` (≥ 0); returns the new time. */
  advance(ms: number): number;
  /** Jumps to `epochMs`; time then runs on from there. Returns the new time. */
  set(epochMs: number): number;
  /** Follows the base clock again. */
  reset(): void;
}

function requireNumber(value: unknown, name: string, rule: 'finite' | 'non-negative'): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || (rule === 'non-negative' && value < 0)) {
    throw new DatabrainError(
      'VALIDATION_ERROR',
      `[databrain-embed] emulator clock: \`${name}\` must be a ${rule === 'finite' ? 'finite number (epoch ms)' : 'finite number of ms ≥ 0'}.`,
    );
  }
  return value;
}

/**
 * Creates a clock that follows `base` shifted by an offset the test controls.
 *
 * @example
 * ```ts
 * import { createEmulatorClock } from '@databrain-embed/emulator';
 * const clock = createEmulatorClock(() => 1_000);
 * clock.advance(500); // 1_500
 * ```
 */
export function createEmulatorClock(base: () => number = Date.now): EmulatorClock {
  let offset = 0;
  const now = () => base() + offset;
  return {
    now,
    advance(ms) {
      offset += requireNumber(ms, 'ms', 'non-negative');
      return now();
    },
    set(epochMs) {
      offset = requireNumber(epochMs, 'epochMs', 'finite') - base();
      return now();
    },
    reset() {
      offset = 0;
    },
  };
}
