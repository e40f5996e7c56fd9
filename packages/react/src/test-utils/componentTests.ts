import { act } from '@testing-library/react';
import { vi } from 'vitest';
import type { TokenEndpointResponse } from '../session/TokenEndpointResponse.ts';
import { recordingElementsLoader } from '../testing/defineRecordingElements.ts';

/** The testing kit's loader of recording elements, counting its calls. */
export function recordingLoader(): () => Promise<unknown> {
  return vi.fn(recordingElementsLoader);
}

/** A token source handing out `token-1`, `token-2`… that live `lifetime` ms. */
export function countingTokenSource(
  lifetime: number | null = 600_000,
): ReturnType<typeof vi.fn<(signal: AbortSignal) => Promise<TokenEndpointResponse>>> {
  let count = 0;
  return vi.fn(async (_signal: AbortSignal) => {
    count += 1;
    return { token: `token-${count}`, expiresIn: lifetime };
  });
}

/**
 * Advances fake time inside `act`, letting promises settle. In steps, because
 * React 18 renders queued updates only when an `act` scope ends, and effects
 * that schedule the next timer must run on the way.
 */
export async function advance(ms = 0): Promise<void> {
  const step = Math.max(1000, Math.ceil(ms / 200));
  let remaining = ms;
  do {
    const now = Math.min(step, remaining);
    await act(() => vi.advanceTimersByTimeAsync(now));
    remaining -= now;
  } while (remaining > 0);
}
