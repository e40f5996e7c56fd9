import { GuestTokenStoreError } from './GuestTokenStoreError.ts';

/** What a store call gave: its value, or `ok: false` after it threw or timed out (already reported). */
export type StoreResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false };

/** Runs one store operation with a time limit; a failure is reported and answered `ok: false`. */
export type StoreCall = <T>(
  operation: GuestTokenStoreError['operation'],
  run: () => T | Promise<T>,
) => Promise<StoreResult<T>>;

/** Options of {@link createStoreCall}. */
export interface StoreCallOptions {
  /** Longest wait for one store call, in ms. */
  readonly timeoutMs: number;
  /** Called with each failure; a throw of its own is swallowed. */
  readonly onError: ((error: GuestTokenStoreError) => void) | undefined;
  /** The cause to report for what the store threw (for example scrubbed of credentials). */
  readonly causeOf?: ((error: unknown) => unknown) | undefined;
}

// setImmediate runs after the I/O callbacks already due; edge runtimes lack it.
const afterPendingIo: (run: () => void) => void =
  typeof setImmediate === 'function' ? (run) => setImmediate(run) : (run) => setTimeout(run, 0);

/**
 * The one way token reuse and shared answers call their store: a store that
 * fails or is slow is reported (a `GuestTokenStoreError`) and skipped, never
 * fatal to the request.
 *
 * @example
 * ```ts
 * const call = createStoreCall({ timeoutMs: 250, onError: console.warn });
 * const found = await call('get', () => store.get(key));
 * if (found.ok) use(found.value);
 * ```
 */
export function createStoreCall(options: StoreCallOptions): StoreCall {
  const { timeoutMs, causeOf = (error: unknown) => error } = options;
  const report = (error: GuestTokenStoreError): void => {
    try {
      options.onError?.(error);
    } catch {
      // A failing logger must not fail a request the store could not serve.
    }
  };
  return async (operation, run) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        // After a busy stretch, timers run before the I/O that arrived meanwhile:
        // let that I/O (perhaps the store's answer) be handled first.
        afterPendingIo(() => reject(new GuestTokenStoreError(operation, `no answer within ${timeoutMs} ms`)));
      }, timeoutMs);
    });
    try {
      return { ok: true, value: await Promise.race([Promise.resolve().then(run), timeout]) };
    } catch (error) {
      report(
        error instanceof GuestTokenStoreError
          ? error
          : new GuestTokenStoreError(operation, 'the store failed', { cause: causeOf(error) }),
      );
      return { ok: false };
    } finally {
      clearTimeout(timer);
    }
  };
}
