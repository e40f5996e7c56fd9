import { isDatabrainError } from '@databrain-embed/core';
import { describe, expect, it } from 'vitest';
import { createEmulatorClock } from './createEmulatorClock.ts';

describe('createEmulatorClock', () => {
  it('follows the base clock, shifted by advance and set, until reset', () => {
    let base = 1_000;
    const clock = createEmulatorClock(() => base);
    expect(clock.now()).toBe(1_000);
    expect(clock.advance(500)).toBe(1_500);
    base = 1_100;
    expect(clock.now()).toBe(1_600);
    expect(clock.set(50_000)).toBe(50_000);
    base = 1_200;
    expect(clock.now()).toBe(50_100);
    clock.reset();
    expect(clock.now()).toBe(1_200);
  });

  it('rejects a negative or non-numeric step, naming the argument and the rule', () => {
    const clock = createEmulatorClock(() => 0);
    let caught: unknown;
    try {
      clock.advance(-1);
    } catch (error) {
      caught = error;
    }
    expect(isDatabrainError(caught) && caught.code).toBe('VALIDATION_ERROR');
    expect((caught as Error).message).toContain('`ms` must be a finite number of ms ≥ 0');
    expect(() => clock.set(Number.NaN)).toThrow('`epochMs` must be a finite number (epoch ms)');
    expect(clock.now()).toBe(0);
  });
});
