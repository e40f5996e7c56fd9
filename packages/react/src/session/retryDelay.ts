const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 30_000;

/**
 * How long to wait before retry number `failures` (1 for the first): 1 s,
 * 2 s, 4 s … capped at 30 s, each drawn at random from the upper half of that
 * span, so that many tabs failing together do not retry in lockstep.
 *
 * @example
 * ```ts
 * retryDelay(3); // between 2 000 and 4 000 ms
 * ```
 */
export function retryDelay(failures: number): number {
  const ceiling = Math.min(FIRST_RETRY_MS * 2 ** (failures - 1), LONGEST_RETRY_MS);
  return (ceiling * (1 + Math.random())) / 2;
}
