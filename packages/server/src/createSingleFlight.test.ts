import { describe, expect, it } from 'vitest';
import { createSingleFlight } from './createSingleFlight.ts';

class CallerAborted extends Error {
  constructor(readonly reason: unknown) {
    super('caller aborted');
  }
}

const abortedBy =
  (reason: unknown) =>
  (error: unknown): boolean =>
    error instanceof CallerAborted && error.reason === reason;

/** A call that settles when told to, and records the signal it was given. */
function controllableCall() {
  const signals: AbortSignal[] = [];
  let finish: (value: number) => void = () => undefined;
  let starts = 0;
  const start = (signal: AbortSignal): Promise<number> => {
    starts += 1;
    signals.push(signal);
    return new Promise<number>((resolve, reject) => {
      finish = resolve;
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  };
  return { start, signals, finish: (value: number) => finish(value), starts: () => starts };
}

describe('createSingleFlight', () => {
  it('lets concurrent callers of one key share one call, and other keys have their own', async () => {
    const flights = createSingleFlight<number>((reason) => new CallerAborted(reason));
    const call = controllableCall();
    const waiting = [
      flights.run('k', call.start, new AbortController().signal),
      flights.run('k', call.start, undefined),
      flights.run('k', call.start, new AbortController().signal),
    ];
    expect(call.starts()).toBe(1);
    call.finish(42);
    expect(await Promise.all(waiting)).toEqual([42, 42, 42]);
    expect(call.signals[0]?.aborted).toBe(false);

    const other = flights.run('other', async () => 7, undefined);
    expect(await other).toBe(7);
  });

  it('aborts the shared call only when the last waiter aborts', async () => {
    const flights = createSingleFlight<number>((reason) => new CallerAborted(reason));
    const call = controllableCall();
    const first = new AbortController();
    const second = new AbortController();
    const a = flights.run('k', call.start, first.signal);
    const b = flights.run('k', call.start, second.signal);

    first.abort('first left');
    await expect(a).rejects.toSatisfy(abortedBy('first left'));
    expect(call.signals[0]?.aborted).toBe(false);

    second.abort('second left');
    await expect(b).rejects.toBeInstanceOf(CallerAborted);
    expect(call.signals[0]?.aborted).toBe(true);
    expect(call.signals[0]?.reason).toBe('second left');
  });

  it('keeps the call alive for a caller without a signal', async () => {
    const flights = createSingleFlight<number>((reason) => new CallerAborted(reason));
    const call = controllableCall();
    const leaving = new AbortController();
    const a = flights.run('k', call.start, leaving.signal);
    const b = flights.run('k', call.start, undefined);
    leaving.abort();
    await expect(a).rejects.toBeInstanceOf(CallerAborted);
    expect(call.signals[0]?.aborted).toBe(false);
    call.finish(5);
    expect(await b).toBe(5);
  });

  it('starts a new call for a caller arriving after every waiter left', async () => {
    const flights = createSingleFlight<number>((reason) => new CallerAborted(reason));
    const call = controllableCall();
    const leaving = new AbortController();
    const a = flights.run('k', call.start, leaving.signal);
    leaving.abort();
    await expect(a).rejects.toBeInstanceOf(CallerAborted);

    const later = flights.run('k', call.start, new AbortController().signal);
    expect(call.starts()).toBe(2);
    expect(call.signals[1]?.aborted).toBe(false);
    call.finish(9);
    expect(await later).toBe(9);
  });

  it('starts a new call once the previous one settled, and passes its failure to every waiter', async () => {
    const flights = createSingleFlight<number>((reason) => new CallerAborted(reason));
    let starts = 0;
    const failing = async (): Promise<number> => {
      starts += 1;
      throw new Error('upstream failed');
    };
    const waiting = [
      flights.run('k', failing, undefined),
      flights.run('k', failing, new AbortController().signal),
    ];
    for (const result of waiting) await expect(result).rejects.toThrow('upstream failed');
    expect(starts).toBe(1);

    expect(await flights.run('k', async () => 3, undefined)).toBe(3);
  });

  it("rejects an already-aborted signal at once with the caller's aborted error, starting nothing", async () => {
    const flights = createSingleFlight<number>((reason) => new CallerAborted(reason));
    const call = controllableCall();
    const aborted = new AbortController();
    aborted.abort('gone');
    await expect(flights.run('k', call.start, aborted.signal)).rejects.toSatisfy(abortedBy('gone'));
    expect(call.starts()).toBe(0);

    // Nor does it leave anything behind for the next caller.
    const next = flights.run('k', call.start, undefined);
    expect(call.starts()).toBe(1);
    call.finish(1);
    expect(await next).toBe(1);
  });
});
