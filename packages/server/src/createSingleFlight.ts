/** Calls shared by identical concurrent requests, from {@link createSingleFlight}. */
export interface SingleFlight<T> {
  /**
   * The result of the call in flight under `key`, or of `start` when none is:
   * `start` runs at once with a signal of its own, which aborts only when
   * every caller waiting for it has aborted. `signal` ends this caller's
   * wait; without one the caller waits to the end (and so keeps the call
   * alive).
   */
  run(key: string, start: (signal: AbortSignal) => Promise<T>, signal: AbortSignal | undefined): Promise<T>;
}

interface Flight<T> {
  readonly promise: Promise<T>;
  readonly controller: AbortController;
  waiters: number;
}

/**
 * Single-flight calls: identical concurrent requests (same key) share one
 * call, each caller may leave it by aborting its own signal, and the call is
 * cancelled only when the last caller leaves. A call that settled, or whose
 * callers all left, is forgotten, so a later caller starts a call of its own.
 * A caller whose signal aborts gets `aborted(signal.reason)`; one whose signal
 * is already aborted gets it at once, and starts nothing.
 *
 * @example
 * const flights = createSingleFlight<Answer>((reason) => new Error('aborted', { cause: reason }));
 * // Two identical requests arriving together make one fetch.
 * const [a, b] = await Promise.all([
 *   flights.run('sales', (signal) => fetchAnswer('sales', signal), first.signal),
 *   flights.run('sales', (signal) => fetchAnswer('sales', signal), second.signal),
 * ]);
 */
export function createSingleFlight<T>(aborted: (reason: unknown) => Error): SingleFlight<T> {
  const flights = new Map<string, Flight<T>>();

  const join = (key: string, flight: Flight<T>, signal: AbortSignal | undefined): Promise<T> => {
    flight.waiters += 1;
    if (signal === undefined) return flight.promise;
    return new Promise<T>((done, fail) => {
      const onAbort = (): void => {
        flight.waiters -= 1;
        // The shared call is cancelled only when nobody waits for it any more;
        // a caller arriving after that starts a flight of its own.
        if (flight.waiters === 0) {
          if (flights.get(key) === flight) flights.delete(key);
          flight.controller.abort(signal.reason);
        }
        fail(aborted(signal.reason));
      };
      if (signal.aborted) {
        onAbort();
        return;
      }
      signal.addEventListener('abort', onAbort, { once: true });
      flight.promise.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          done(value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          fail(error);
        },
      );
    });
  };

  return {
    run(key, start, signal) {
      if (signal?.aborted) return Promise.reject(aborted(signal.reason));
      let flight = flights.get(key);
      if (flight === undefined) {
        const controller = new AbortController();
        const created: Flight<T> = { promise: start(controller.signal), controller, waiters: 0 };
        const settle = (): void => {
          if (flights.get(key) === created) flights.delete(key);
        };
        // Also marks a rejection as handled: waiters that all left saw their own error.
        created.promise.then(settle, settle);
        flights.set(key, created);
        flight = created;
      }
      return join(key, flight, signal);
    },
  };
}
