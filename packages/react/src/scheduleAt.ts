// Browsers fire a longer setTimeout at once (the delay overflows a signed 32-bit integer).
const MAX_DELAY = 2 ** 31 - 1;

/**
 * Calls `callback` once the clock reaches `time` (ms since the epoch), even
 * when that is further away than a single timer can wait. Returns a cancel
 * function.
 *
 * @example
 * ```ts
 * const cancel = scheduleAt(expiresAt - 60_000, refresh);
 * ```
 */
export function scheduleAt(time: number, callback: () => void): () => void {
  let timer: ReturnType<typeof setTimeout>;
  const arm = (): void => {
    const delay = time - Date.now();
    timer = setTimeout(delay > MAX_DELAY ? arm : callback, Math.min(delay, MAX_DELAY));
  };
  arm();
  return () => clearTimeout(timer);
}
