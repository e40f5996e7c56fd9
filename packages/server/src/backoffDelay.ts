/**
 * Capped exponential backoff with full jitter: a random wait between 0 and
 * `min(maxMs, baseMs * 2^retry)`. Jitter spreads the retries of many
 * servers hit by the same outage, so they do not return in lockstep.
 */
export function backoffDelay(
  retry: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}
