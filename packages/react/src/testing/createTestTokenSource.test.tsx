import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestTokenSource } from './createTestTokenSource.ts';

afterEach(() => {
  vi.useRealTimers();
});

const signal = () => new AbortController().signal;

describe('createTestTokenSource', () => {
  it('answers the steps in order: a fixed token, an expiring one, a failure, then repeats the last', async () => {
    const down = new Error('down');
    const source = createTestTokenSource([
      'tok-1',
      { token: 'tok-2', expiresIn: 1_000 },
      down,
      { expiresIn: 5 },
    ]);
    await expect(source(signal())).resolves.toEqual({ token: 'tok-1', expiresIn: null });
    await expect(source(signal())).resolves.toEqual({ token: 'tok-2', expiresIn: 1_000 });
    await expect(source(signal())).rejects.toBe(down);
    await expect(source(signal())).resolves.toEqual({ token: 'test-token-4', expiresIn: 5 });
    await expect(source(signal())).resolves.toEqual({ token: 'test-token-5', expiresIn: 5 });
    expect(source.calls).toBe(5);
    expect(source.answers.map((answer) => answer.token)).toEqual([
      'tok-1',
      'tok-2',
      'test-token-4',
      'test-token-5',
    ]);
  });

  it('takes a single step, and can fail every request after the last step', async () => {
    const fixed = createTestTokenSource('only');
    await fixed(signal());
    await expect(fixed(signal())).resolves.toEqual({ token: 'only', expiresIn: null });
    const strict = createTestTokenSource(['once'], { afterLastStep: 'fail' });
    await strict(signal());
    await expect(strict(signal())).rejects.toThrow('request 2 came after the last of 1 steps');
  });

  it('answers a slow step after its delay on the (fake) clock, and stops when aborted', async () => {
    vi.useFakeTimers();
    const source = createTestTokenSource({ token: 'slow', delayMs: 2_000 });
    let answered = false;
    const pending = source(signal()).then((answer) => {
      answered = true;
      return answer;
    });
    await vi.advanceTimersByTimeAsync(1_999);
    expect(answered).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(pending).resolves.toEqual({ token: 'slow', expiresIn: null });

    const controller = new AbortController();
    const cancelled = source(controller.signal);
    controller.abort();
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    expect(source.aborted).toBe(1);
    expect(source.answers).toHaveLength(1);
  });

  it('rejects a bad script when it is created, naming the step and the rule', () => {
    expect(() => createTestTokenSource([])).toThrow('steps must hold at least one step');
    expect(() => createTestTokenSource(['a', ''])).toThrow('steps[1] must not be an empty token');
    expect(() => createTestTokenSource([{ expiresIn: -1 }])).toThrow(
      'steps[0].expiresIn must be a number of ms ≥ 0',
    );
    expect(() => createTestTokenSource([{ delayMs: Number.NaN }])).toThrow(
      'steps[0].delayMs must be a finite',
    );
    expect(() => createTestTokenSource([42 as unknown as string])).toThrow('steps[0] must be a token string');
  });
});
