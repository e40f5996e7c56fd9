const MAX_DEFAULT_MARGIN = 60_000;

/**
 * How long before expiry a token is replaced: the `refreshMargin` given to
 * the provider, or by default the smaller of 60 s and a fifth of the token's
 * lifetime (so a 2-minute token is refreshed after 96 s, not after 60 s).
 *
 * @example
 * ```ts
 * refreshMarginFor(3_600_000); // 60_000
 * refreshMarginFor(120_000); // 24_000
 * ```
 */
export function refreshMarginFor(lifetime: number, refreshMargin?: number): number {
  const margin = refreshMargin ?? Math.min(MAX_DEFAULT_MARGIN, lifetime / 5);
  return Math.min(Math.max(0, margin), lifetime);
}
