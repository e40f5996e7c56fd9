/**
 * Calls a callback the app gave (`onTokenRefresh`, `onError`,
 * `onServerEvent`…) with `args`, if it is a function. A callback that throws,
 * or returns a promise that rejects, changes nothing for the caller: the
 * failure is written to the console, naming the callback, and dropped.
 */
export type Notify = <Args extends unknown[]>(
  name: string,
  callback: ((...args: Args) => unknown) | undefined,
  ...args: Args
) => void;

/**
 * Creates the one guarded way a part of this package (a token session, an
 * embed) calls the app's callbacks, once its own work is done: the app's
 * code never steers it. A session whose `onTokenRefresh` throws keeps the
 * token, shares it with the other tabs and refreshes it on time; one whose
 * `onError` throws keeps retrying; no promise rejects because of either.
 *
 * A failure is reported in every build (unlike failures of the token source,
 * which production builds keep quiet): a throwing callback is a bug in the
 * app. Each callback's failure is reported once, and again only when its
 * message changes, so a callback that throws on every retry does not flood
 * the console.
 *
 * @example
 * ```ts
 * const notify = createNotifier();
 * notify('onTokenRefresh', options.onTokenRefresh, received);
 * ```
 */
export function createNotifier(): Notify {
  // The message of each callback's last reported failure.
  const reported = new Map<string, string>();
  const report = (name: string, thrown: unknown): void => {
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    if (reported.get(name) === message) return;
    reported.set(name, message);
    console.error(`[databrain-embed] ${name} threw; the error was ignored and changed nothing.`, thrown);
  };
  return (name, callback, ...args) => {
    if (typeof callback !== 'function') return;
    try {
      const result = callback(...args);
      // An async callback fails through its promise.
      if (result instanceof Promise) result.catch((thrown: unknown) => report(name, thrown));
    } catch (thrown) {
      report(name, thrown);
    }
  };
}
