import { act, cleanup, render, renderHook, screen } from '@testing-library/react';
import { type ReactNode, StrictMode, Suspense, startTransition, useState, version } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatabrainProviderProps } from './DatabrainProvider.tsx';
import { DatabrainProvider } from './DatabrainProvider.tsx';
import type { FetchToken } from './session/FetchToken.ts';
import { advance, countingTokenSource } from './test-utils/componentTests.ts';
import type { GuestTokenState } from './useGuestToken.ts';
import { useGuestToken } from './useGuestToken.ts';

function wrapperFor(fetchToken: FetchToken, extra: { scope?: string; refreshMargin?: number } = {}) {
  return ({ children }: { children: ReactNode }) => (
    <StrictMode>
      <DatabrainProvider fetchToken={fetchToken} {...extra}>
        {children}
      </DatabrainProvider>
    </StrictMode>
  );
}

function Consumer({ index }: { index: number }) {
  const { token } = useGuestToken();
  return <span data-testid={`consumer-${index}`}>{token ?? 'none'}</span>;
}

function Probe({ onToken }: { onToken: (token: string | null) => void }) {
  onToken(useGuestToken().token);
  return null;
}

/**
 * A provider around a Probe that records the token of every render;
 * `switchTo(props)` clears the record and re-renders with other props.
 */
function renderRecordingTokens(props: DatabrainProviderProps) {
  const seen: (string | null)[] = [];
  const tree = (next: DatabrainProviderProps) => (
    <DatabrainProvider {...next}>
      <Probe onToken={(token) => seen.push(token)} />
    </DatabrainProvider>
  );
  const { rerender } = render(tree(props));
  return {
    seen,
    switchTo: (next: DatabrainProviderProps) => {
      seen.length = 0;
      rerender(tree(next));
    },
  };
}

const never = new Promise<never>(() => {});

/** Bob's page never finishes rendering, so a switch to Bob stays a pending transition. */
function PageOf({ user }: { user: string }) {
  if (user === 'bob') throw never;
  return null;
}

/** Alice signed in; `switchTo.current(user)` switches users in a transition. */
function SwitchingApp({
  sources,
  switchTo,
}: {
  sources: Record<string, FetchToken>;
  switchTo: { current: (user: string) => void };
}) {
  const [user, setUser] = useState('alice');
  switchTo.current = (next) => startTransition(() => setUser(next));
  return (
    <Suspense fallback={null}>
      <DatabrainProvider fetchToken={sources[user] as FetchToken} scope={user}>
        <Consumer index={0} />
        <PageOf user={user} />
      </DatabrainProvider>
    </Suspense>
  );
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('useGuestToken', () => {
  it('runs on the React major version of its test project', ({ task }) => {
    const expected = task.file.projectName?.endsWith('18') ? '18' : '19';
    expect(version.split('.')[0]).toBe(expected);
  });

  it('throws a message naming DatabrainProvider when used outside it', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useGuestToken())).toThrow(/inside <DatabrainProvider>/);
  });

  it('starts loading, then holds the token with its expiry measured from arrival', async () => {
    vi.setSystemTime(1_000_000);
    const fetchToken = countingTokenSource(600_000);
    const { result } = renderHook(() => useGuestToken(), { wrapper: wrapperFor(fetchToken) });
    expect(result.current.status).toBe('loading');
    expect(result.current.token).toBeNull();
    await advance();
    expect(result.current).toMatchObject({
      status: 'ready',
      token: 'token-1',
      expiresAt: 1_600_000,
      error: null,
    });
  });

  it('shares one request between fifty components mounted at once, StrictMode included', async () => {
    const fetchToken = countingTokenSource();
    const Wrapper = wrapperFor(fetchToken);
    render(
      <Wrapper>
        {Array.from({ length: 50 }, (_, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list.
          <Consumer key={index} index={index} />
        ))}
      </Wrapper>,
    );
    await advance();
    expect(fetchToken).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('consumer-49').textContent).toBe('token-1');
  });

  it('returns the same object until something in it changes', async () => {
    const fetchToken = countingTokenSource();
    const { result, rerender } = renderHook(() => useGuestToken(), { wrapper: wrapperFor(fetchToken) });
    await advance();
    const first = result.current;
    rerender();
    expect(result.current).toBe(first);
  });

  it('refreshes the token before it expires, by the default margin', async () => {
    const fetchToken = countingTokenSource(600_000);
    const { result } = renderHook(() => useGuestToken(), { wrapper: wrapperFor(fetchToken) });
    await advance();
    await advance(600_000 - 60_000 - 1);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    await advance(1);
    expect(fetchToken).toHaveBeenCalledTimes(2);
    expect(result.current.token).toBe('token-2');
  });

  it('uses a fifth of a short lifetime as the default margin', async () => {
    const fetchToken = countingTokenSource(100_000);
    renderHook(() => useGuestToken(), { wrapper: wrapperFor(fetchToken) });
    await advance();
    await advance(79_999);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    await advance(1);
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it('honours a custom refreshMargin', async () => {
    const fetchToken = countingTokenSource(600_000);
    renderHook(() => useGuestToken(), { wrapper: wrapperFor(fetchToken, { refreshMargin: 300_000 }) });
    await advance();
    await advance(300_000);
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it('never refreshes a token that never expires', async () => {
    const fetchToken = countingTokenSource(null);
    const { result } = renderHook(() => useGuestToken(), { wrapper: wrapperFor(fetchToken) });
    await advance();
    await advance(365 * 24 * 3_600_000);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    expect(result.current).toMatchObject({ token: 'token-1', expiresAt: null, status: 'ready' });
  });

  it('keeps the previous token while a refresh is in flight', async () => {
    let resolveSecond: (value: { token: string; expiresIn: number }) => void = () => {};
    const fetchToken = vi
      .fn<FetchToken>()
      .mockResolvedValueOnce({ token: 'first', expiresIn: 100_000 })
      .mockImplementationOnce(() => new Promise((resolve) => (resolveSecond = resolve)));
    const { result } = renderHook(() => useGuestToken(), { wrapper: wrapperFor(fetchToken) });
    await advance();
    await advance(80_000);
    expect(result.current).toMatchObject({ token: 'first', status: 'ready', isRefreshing: true });
    resolveSecond({ token: 'second', expiresIn: 100_000 });
    await advance();
    expect(result.current).toMatchObject({ token: 'second', status: 'ready', isRefreshing: false });
  });

  it('reports an error after the token expires while refreshing fails, then recovers on retry', async () => {
    const onError = vi.fn();
    let failing = true;
    let count = 0;
    const fetchToken = vi.fn<FetchToken>(async () => {
      count += 1;
      if (count > 1 && failing) throw new Error('token service down');
      return { token: `token-${count}`, expiresIn: 10_000 };
    });
    const { result } = renderHook(() => useGuestToken(), {
      wrapper: ({ children }) => (
        <DatabrainProvider fetchToken={fetchToken} onError={onError}>
          {children}
        </DatabrainProvider>
      ),
    });
    await advance();
    await advance(8_000);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(result.current).toMatchObject({ token: 'token-1', status: 'ready' });
    expect(result.current.error?.code).toBe('TOKEN_SOURCE');
    expect(result.current.error?.message).toContain('token service down');
    await advance(2_000);
    expect(result.current).toMatchObject({ token: null, status: 'error' });
    failing = false;
    await advance(30_000);
    expect(result.current).toMatchObject({ status: 'ready', error: null });
    expect(result.current.token).toMatch(/^token-\d+$/);
  });

  it('retries with capped exponential backoff', async () => {
    const fetchToken = vi.fn<FetchToken>(async () => {
      throw new Error('down');
    });
    vi.spyOn(Math, 'random').mockReturnValue(1);
    renderHook(() => useGuestToken(), { wrapper: wrapperFor(fetchToken) });
    await advance();
    const callsAfter = async (ms: number) => {
      await advance(ms);
      return fetchToken.mock.calls.length;
    };
    expect(fetchToken).toHaveBeenCalledTimes(1);
    expect(await callsAfter(1_000)).toBe(2);
    expect(await callsAfter(2_000)).toBe(3);
    expect(await callsAfter(4_000)).toBe(4);
    await advance(8_000 + 16_000);
    expect(await callsAfter(30_000)).toBe(7);
    expect(await callsAfter(30_000)).toBe(8);
  });

  it('drops the old token at once when the scope changes and fetches one for the new scope', async () => {
    const fetchToken = vi.fn<FetchToken>(async () => ({ token: `for-${scopeNow}`, expiresIn: 600_000 }));
    let scopeNow = 'alice';
    const { seen, switchTo } = renderRecordingTokens({ fetchToken, scope: 'alice' });
    await advance();
    expect(seen.at(-1)).toBe('for-alice');
    scopeNow = 'bob';
    switchTo({ fetchToken, scope: 'bob' });
    expect(seen[0]).toBeNull();
    await advance();
    expect(seen).not.toContain('for-alice');
    expect(seen.at(-1)).toBe('for-bob');
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it("asks the new user's token source when the scope and the source change together", async () => {
    const forAlice = vi.fn<FetchToken>(async () => ({ token: 'alice-token', expiresIn: 600_000 }));
    const forBob = vi.fn<FetchToken>(async () => ({ token: 'bob-token', expiresIn: 600_000 }));
    const { seen, switchTo } = renderRecordingTokens({ fetchToken: forAlice, scope: 'alice' });
    await advance();
    expect(seen.at(-1)).toBe('alice-token');
    switchTo({ fetchToken: forBob, scope: 'bob' });
    await advance();
    expect(forAlice).toHaveBeenCalledTimes(1);
    expect(forBob).toHaveBeenCalledTimes(1);
    expect(seen).not.toContain('alice-token');
    expect(seen.at(-1)).toBe('bob-token');
  });

  it("refreshes the shown user's token from their own source while a switch to another user is pending", async () => {
    const alice = countingTokenSource(10_000);
    const bob = vi.fn<FetchToken>(async () => ({ token: 'bob-token', expiresIn: 600_000 }));
    const switchTo = { current: (_user: string) => {} };
    render(<SwitchingApp sources={{ alice, bob }} switchTo={switchTo} />);
    await advance();
    expect(screen.getByTestId('consumer-0').textContent).toBe('token-1');
    act(() => switchTo.current('bob'));
    // Alice's token is due 2 s before it expires, while Bob's render is still pending.
    await advance(9_000);
    expect(bob).not.toHaveBeenCalled();
    expect(alice).toHaveBeenCalledTimes(2);
    expect(screen.getByTestId('consumer-0').textContent).toBe('token-2');
  });

  it('aborts a request for a scope that is no longer wanted', async () => {
    const signals: AbortSignal[] = [];
    const fetchToken = vi.fn<FetchToken>(
      (signal) =>
        new Promise((resolve) => {
          signals.push(signal);
          setTimeout(() => resolve({ token: `t${signals.length}`, expiresIn: 600_000 }), 1_000);
        }),
    );
    const onError = vi.fn();
    const { seen, switchTo } = renderRecordingTokens({ fetchToken, scope: 'alice', onError });
    await advance();
    switchTo({ fetchToken, scope: 'bob', onError });
    await advance();
    expect(signals[0]?.aborted).toBe(true);
    expect(signals[1]?.aborted).toBe(false);
    await advance(1_000);
    expect(seen.at(-1)).toBe('t2');
    expect(onError).not.toHaveBeenCalled();
  });

  it('uses initialToken without a request, then refreshes it on schedule', async () => {
    const fetchToken = countingTokenSource(600_000);
    const { result } = renderHook(() => useGuestToken(), {
      wrapper: ({ children }) => (
        <DatabrainProvider fetchToken={fetchToken} initialToken={{ token: 'from-ssr', expiresIn: 120_000 }}>
          {children}
        </DatabrainProvider>
      ),
    });
    expect(result.current).toMatchObject({ token: 'from-ssr', status: 'ready' });
    await advance(1_000);
    expect(fetchToken).not.toHaveBeenCalled();
    await advance(95_000);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    expect(result.current.token).toBe('token-1');
  });

  it('refetches on focus or reconnect only once the token is due', async () => {
    const fetchToken = countingTokenSource(600_000);
    renderHook(() => useGuestToken(), { wrapper: wrapperFor(fetchToken) });
    await advance();
    window.dispatchEvent(new Event('focus'));
    window.dispatchEvent(new Event('online'));
    await advance();
    expect(fetchToken).toHaveBeenCalledTimes(1);
    // A sleeping laptop: the clock jumps, but no timer fired.
    vi.setSystemTime(Date.now() + 590_000);
    window.dispatchEvent(new Event('focus'));
    await advance();
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it('calls onTokenRefresh with each token and its expiry', async () => {
    vi.setSystemTime(5_000);
    const onTokenRefresh = vi.fn();
    const fetchToken = countingTokenSource(60_000);
    renderHook(() => useGuestToken(), {
      wrapper: ({ children }) => (
        <DatabrainProvider fetchToken={fetchToken} onTokenRefresh={onTokenRefresh}>
          {children}
        </DatabrainProvider>
      ),
    });
    await advance();
    expect(onTokenRefresh).toHaveBeenCalledWith({
      token: 'token-1',
      expiresAt: 65_000,
      receivedFrom: 'this-tab',
    });
  });

  it('refresh() fetches a new token at once', async () => {
    const fetchToken = countingTokenSource();
    const { result } = renderHook(() => useGuestToken(), { wrapper: wrapperFor(fetchToken) });
    await advance();
    let state: GuestTokenState = result.current;
    await advance();
    await state.refresh();
    await advance();
    state = result.current;
    expect(fetchToken).toHaveBeenCalledTimes(2);
    expect(state.token).toBe('token-2');
  });

  it('makes no request after unmount, however far time advances', async () => {
    const fetchToken = countingTokenSource(10_000);
    const { unmount } = renderHook(() => useGuestToken(), { wrapper: wrapperFor(fetchToken) });
    await advance();
    unmount();
    await advance(10 * 60_000);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops retrying after unmount', async () => {
    const fetchToken = vi.fn<FetchToken>(async () => {
      throw new Error('down');
    });
    const { unmount } = renderHook(() => useGuestToken(), { wrapper: wrapperFor(fetchToken) });
    await advance();
    unmount();
    await advance(10 * 60_000);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});
