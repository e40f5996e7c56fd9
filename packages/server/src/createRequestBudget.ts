/** What {@link RequestBudget.take} decided for one request. */
export type BudgetDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly retryAfterMs: number };

/** A per-user request budget, from {@link createRequestBudget}. */
export interface RequestBudget {
  /** Spends one request of `user`'s budget, or says how long until one is free again. */
  take(user: string): BudgetDecision;
}

/** Options of {@link createRequestBudget}, validated by the caller. */
export interface RequestBudgetOptions {
  /** Requests one user may make in a burst, and per `perMs` after it. */
  readonly requests: number;
  readonly perMs: number;
  /** Most users tracked at once; past it, users whose budget is whole again are forgotten first. */
  readonly maxUsers: number;
  readonly now?: () => number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per user, in this process's memory: each user may make
 * `requests` at once and then `requests` per `perMs`, refilled continuously.
 * Memory is bounded by `maxUsers`: a user whose bucket has refilled holds no
 * information and is dropped first; past that, the user seen longest ago.
 */
export function createRequestBudget(options: RequestBudgetOptions): RequestBudget {
  const { requests, perMs, maxUsers } = options;
  const now = options.now ?? Date.now;
  const perTokenMs = perMs / requests;
  // A Map iterates in insertion order: re-inserting on use keeps the user seen longest ago first.
  const buckets = new Map<string, Bucket>();

  const refilled = (bucket: Bucket, at: number): number =>
    Math.min(requests, bucket.tokens + (at - bucket.at) / perTokenMs);

  const prune = (at: number): void => {
    for (const [user, bucket] of buckets) {
      if (buckets.size < maxUsers) return;
      if (refilled(bucket, at) >= requests) buckets.delete(user);
    }
    for (const user of buckets.keys()) {
      if (buckets.size < maxUsers) return;
      buckets.delete(user);
    }
  };

  return {
    take(user) {
      const at = now();
      const found = buckets.get(user);
      buckets.delete(user);
      if (found === undefined && buckets.size >= maxUsers) prune(at);
      const tokens = found === undefined ? requests : refilled(found, at);
      if (tokens < 1) {
        buckets.set(user, { tokens, at });
        return { allowed: false, retryAfterMs: Math.ceil((1 - tokens) * perTokenMs) };
      }
      buckets.set(user, { tokens: tokens - 1, at });
      return { allowed: true };
    },
  };
}
