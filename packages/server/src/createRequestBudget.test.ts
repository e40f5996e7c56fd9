import { describe, expect, it } from 'vitest';
import { createRequestBudget } from './createRequestBudget.ts';

function budgetAt(options: { requests: number; perMs: number; maxUsers?: number }) {
  let now = 1_000_000;
  const budget = createRequestBudget({ maxUsers: 100, ...options, now: () => now });
  return {
    take: (user: string) => budget.take(user),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('createRequestBudget', () => {
  it('allows a burst of `requests`, then says when the next one is free', () => {
    const budget = budgetAt({ requests: 3, perMs: 60_000 });
    expect([budget.take('ada'), budget.take('ada'), budget.take('ada')]).toEqual(
      Array(3).fill({ allowed: true }),
    );
    expect(budget.take('ada')).toEqual({ allowed: false, retryAfterMs: 20_000 });
    budget.advance(5_000);
    expect(budget.take('ada')).toEqual({ allowed: false, retryAfterMs: 15_000 });
  });

  it('refills continuously, never above the burst', () => {
    const budget = budgetAt({ requests: 2, perMs: 1_000 });
    budget.take('ada');
    budget.take('ada');
    budget.advance(500);
    expect(budget.take('ada')).toEqual({ allowed: true });
    expect(budget.take('ada').allowed).toBe(false);
    budget.advance(60_000);
    expect(
      [budget.take('ada'), budget.take('ada'), budget.take('ada')].map((decision) => decision.allowed),
    ).toEqual([true, true, false]);
  });

  it('keeps each user apart', () => {
    const budget = budgetAt({ requests: 1, perMs: 60_000 });
    expect(budget.take('ada').allowed).toBe(true);
    expect(budget.take('ada').allowed).toBe(false);
    expect(budget.take('bob').allowed).toBe(true);
  });

  it('forgets users whose budget is whole again before anyone still limited', () => {
    const budget = budgetAt({ requests: 2, perMs: 60_000, maxUsers: 2 });
    budget.take('spent');
    budget.take('spent');
    budget.take('idle');
    budget.advance(30_000);
    // 'idle' has refilled; tracking a third user forgets it, not 'spent'.
    budget.take('new');
    expect(budget.take('spent')).toEqual({ allowed: true });
    expect(budget.take('spent')).toEqual({ allowed: false, retryAfterMs: 30_000 });
  });
});
