// The longest delay a timer takes; a longer one fires at once (Node warns with TimeoutOverflowWarning).
const LONGEST_TIMER_DELAY = 2 ** 31 - 1;

/**
 * Calls `callback` once the clock reads `at` (ms since the epoch) or later,
 * however far away that is: a delay beyond a timer's reach is waited out in
 * steps. Returns a function that cancels it.
 *
 * @example
 * ```ts
 * const cancel = setLongTimeout(Date.now() + 1e20, () => console.info('never, in practice'));
 * cancel();
 * ```
 */
export function setLongTimeout(at: number, callback: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = (): void => {
    const wait = Math.min(Math.max(at - Date.now(), 0), LONGEST_TIMER_DELAY);
    timer = setTimeout(() => (Date.now() >= at ? callback() : arm()), wait);
  };
  arm();
  return () => clearTimeout(timer);
}
