import { isDatabrainError } from '@databrain-embed/core/errors';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '../test-utils/fakeTabs.ts';
import { createTokenSession, type TokenSession, type TokenSessionOptions } from './createTokenSession.ts';
import type { FetchToken } from './FetchToken.ts';
import type { SessionEnvironment } from './SessionEnvironment.ts';

/** A token source handing out `<prefix>-1`, `<prefix>-2`… that live `lifetime` ms. */
function countingSource(lifetime: number | null = 600_000, prefix = 'token') {
  let count = 0;
  return vi.fn<FetchToken>(async () => {
    count += 1;
    return { token: `${prefix}-${count}`, expiresIn: lifetime };
  });
}

const stops: (() => void)[] = [];

/** Creates and starts a session (one subscriber) in a tab with no sharing APIs unless given one. */
function started(
  options: TokenSessionOptions,
  environment: SessionEnvironment = fakeBrowser().openTab({ sharing: false }).environment,
): TokenSession & { changes: number } {
  const session = createTokenSession(options, environment);
  const counted = Object.assign(session, { changes: 0 });
  stops.push(session.subscribe(() => (counted.changes += 1)));
  return counted;
}

const advance = async (ms = 0): Promise<void> => {
  await vi.advanceTimersByTimeAsync(ms);
};

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(1_000_000);
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(async () => {
  for (const stop of stops.splice(0)) stop();
  if (vi.isFakeTimers()) await advance();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('createTokenSession', () => {
  it('does nothing until its first subscriber, then fetches once', async () => {
    const fetchToken = countingSource();
    const session = createTokenSession({ fetchToken });
    await advance(60_000);
    expect(fetchToken).not.toHaveBeenCalled();
    expect(session.getSnapshot()).toMatchObject({ status: 'loading', token: null, requests: 0 });
    stops.push(session.subscribe(() => {}));
    await advance();
    expect(fetchToken).toHaveBeenCalledTimes(1);
    expect(session.getSnapshot()).toMatchObject({
      status: 'ready',
      token: 'token-1',
      expiresAt: 1_660_000,
      refreshAt: 1_600_000,
      receivedFrom: 'this-tab',
      requests: 1,
      sharedAcrossTabs: false,
    });
  });

  it('shares one request in flight between every caller', async () => {
    const fetchToken = countingSource();
    const session = started({ fetchToken });
    await Promise.all([session.refresh(), session.refresh(), session.refresh()]);
    expect(fetchToken).toHaveBeenCalledTimes(1);
  });

  it('keeps its snapshot object until a field changes', async () => {
    const session = started({ fetchToken: countingSource() });
    await advance();
    const snapshot = session.getSnapshot();
    await advance(1_000);
    expect(session.getSnapshot()).toBe(snapshot);
  });

  it('refreshes by the margin before expiry, measured from arrival, and drops a token at expiry', async () => {
    let resolveSecond: (value: { token: string; expiresIn: number }) => void = () => {};
    const fetchToken = vi
      .fn<FetchToken>()
      .mockResolvedValueOnce({ token: 'first', expiresIn: 10_000 })
      .mockImplementationOnce(() => new Promise((resolve) => (resolveSecond = resolve)));
    const session = started({ fetchToken });
    await advance(3_000);
    expect(session.getSnapshot().refreshAt).toBe(1_000_000 + 8_000);
    await advance(4_999);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    await advance(1);
    expect(fetchToken).toHaveBeenCalledTimes(2);
    expect(session.getSnapshot()).toMatchObject({ token: 'first', isRefreshing: true });
    await advance(2_000);
    expect(session.getSnapshot()).toMatchObject({ token: null, status: 'loading' });
    resolveSecond({ token: 'second', expiresIn: 10_000 });
    await advance();
    expect(session.getSnapshot()).toMatchObject({ token: 'second', expiresAt: 1_020_000 });
  });

  it.each([0, 1, 999])('refuses a %i ms lifetime with TOKEN_LIFETIME, and never polls', async (lifetime) => {
    const onError = vi.fn();
    const fetchToken = countingSource(lifetime);
    const session = started({ fetchToken, onError });
    await advance();
    expect(session.getSnapshot()).toMatchObject({ status: 'error', token: null });
    const error = session.getSnapshot().error;
    expect(isDatabrainError(error) && error.code).toBe('TOKEN_LIFETIME');
    expect(error?.message).toContain(`lives ${lifetime} ms`);
    await advance(60 * 60_000);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
    // Only an explicit refresh asks again.
    await session.refresh();
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it('caps the refresh margin at half the lifetime, so a margin as long as the token never loops', async () => {
    const fetchToken = countingSource(10_000);
    const session = started({ fetchToken, refreshMargin: 60_000 });
    await advance();
    expect(session.getSnapshot().refreshAt).toBe(1_000_000 + 5_000);
    await advance(4_999);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    await advance(1);
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it('serves a lifetime of exactly one second, refreshing before it ends', async () => {
    const fetchToken = countingSource(1_000);
    const session = started({ fetchToken });
    await advance();
    await advance(800);
    expect(fetchToken).toHaveBeenCalledTimes(2);
    expect(session.getSnapshot().token).toBe('token-2');
  });

  it('arms no timer beyond its reach for a huge lifetime, and waits it out in steps', async () => {
    const fetchToken = countingSource(1e20);
    const session = started({ fetchToken });
    // The fake timers, like Node, fire a delay beyond 2^31 - 1 ms at once: an
    // unclamped timer would refresh (and loop) right away.
    await advance(1_000);
    expect(session.getSnapshot().token).toBe('token-1');
    await advance(2 ** 31 + 10);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    expect(session.getSnapshot().token).toBe('token-1');
  });

  it('never makes Node warn TimeoutOverflowWarning for a huge lifetime (real timers)', async () => {
    vi.useRealTimers();
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    // Node's process, typed here: this package's sources are typed for browsers only.
    const { process } = globalThis as unknown as {
      process: { on(event: 'warning', listener: (warning: Error) => void): void; off: typeof process.on };
    };
    process.on('warning', onWarning);
    try {
      const session = started({ fetchToken: countingSource(1e20) });
      await vi.waitFor(() => expect(session.getSnapshot().token).toBe('token-1'));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(warnings.map((warning) => warning.name)).not.toContain('TimeoutOverflowWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('never refreshes a token that never expires', async () => {
    const fetchToken = countingSource(null);
    const session = started({ fetchToken });
    await advance(365 * 24 * 3_600_000);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    expect(session.getSnapshot()).toMatchObject({ token: 'token-1', expiresAt: null, refreshAt: null });
  });

  it('retries with exponential backoff capped at 30 s, each delay drawn from its upper half', async () => {
    const fetchToken = vi.fn<FetchToken>(async () => {
      throw new Error('down');
    });
    const random = vi.spyOn(Math, 'random').mockReturnValue(1);
    started({ fetchToken });
    await advance();
    const callsAfter = async (ms: number) => {
      await advance(ms);
      return fetchToken.mock.calls.length;
    };
    expect(fetchToken).toHaveBeenCalledTimes(1);
    expect(await callsAfter(1_000)).toBe(2);
    expect(await callsAfter(2_000)).toBe(3);
    expect(await callsAfter(4_000)).toBe(4);
    expect(await callsAfter(8_000)).toBe(5);
    expect(await callsAfter(16_000)).toBe(6);
    expect(await callsAfter(30_000)).toBe(7);
    // The lower bound of the jitter, from the next failure on: half of the capped delay.
    random.mockReturnValue(0);
    expect(await callsAfter(30_000)).toBe(8);
    expect(await callsAfter(14_999)).toBe(8);
    expect(await callsAfter(1)).toBe(9);
  });

  it('wraps a failure that is not a DatabrainError as TOKEN_SOURCE, keeps the token and logs once', async () => {
    const onError = vi.fn();
    let failing = false;
    let count = 0;
    const fetchToken = vi.fn<FetchToken>(async () => {
      count += 1;
      if (failing) throw 'plain string';
      return { token: `token-${count}`, expiresIn: 10_000 };
    });
    const session = started({ fetchToken, onError });
    await advance();
    failing = true;
    await advance(8_000);
    expect(session.getSnapshot()).toMatchObject({ token: 'token-1', status: 'ready' });
    expect(session.getSnapshot().error?.code).toBe('TOKEN_SOURCE');
    expect(session.getSnapshot().error?.cause).toBe('plain string');
    await advance(2_000);
    expect(session.getSnapshot()).toMatchObject({ token: null, status: 'error' });
    const failures = onError.mock.calls.length;
    expect(failures).toBeGreaterThan(1);
    expect(console.error).toHaveBeenCalledTimes(1);
    failing = false;
    await advance(30_000);
    expect(session.getSnapshot()).toMatchObject({ status: 'ready', error: null });
  });

  it('refreshes once per token reported expired', async () => {
    const fetchToken = countingSource();
    const session = started({ fetchToken });
    await advance();
    session.reportExpired('token-1');
    session.reportExpired('token-1');
    await advance();
    expect(fetchToken).toHaveBeenCalledTimes(2);
    expect(session.getSnapshot().token).toBe('token-2');
    // A report about a token already replaced changes nothing.
    session.reportExpired('token-1');
    await advance();
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it('names the token reported expired to the source, and only on the requests that replace it', async () => {
    const fetchToken = countingSource();
    const session = started({ fetchToken });
    await advance();
    session.reportExpired('token-1');
    await advance();
    await session.refresh();
    expect(fetchToken.mock.calls.map(([, reason]) => reason)).toEqual([{}, { expiredToken: 'token-1' }, {}]);
  });

  it('keeps asking after a forced refresh fails, since the reported token is bad', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(1);
    let failing = false;
    const fetchToken = vi.fn<FetchToken>(async () => {
      if (failing) throw new Error('down');
      return { token: 'fresh', expiresIn: 600_000 };
    });
    const session = started({ fetchToken });
    await advance();
    failing = true;
    session.reportExpired('fresh');
    await advance(1_000);
    expect(fetchToken).toHaveBeenCalledTimes(3);
  });

  it('fetches on a wake-up once the token is due, as after a laptop sleeps through its timers', async () => {
    const tab = fakeBrowser().openTab({ sharing: false });
    const fetchToken = countingSource(600_000);
    const session = started({ fetchToken }, tab.environment);
    await advance();
    tab.wake();
    await advance();
    expect(fetchToken).toHaveBeenCalledTimes(1);
    // The clock jumps past expiry while no timer fires.
    vi.setSystemTime(Date.now() + 700_000);
    tab.wake();
    expect(session.getSnapshot().token).toBeNull();
    await advance();
    expect(fetchToken).toHaveBeenCalledTimes(2);
    expect(session.getSnapshot().token).toBe('token-2');
  });

  it('uses an initial token without a request until it is due', async () => {
    const fetchToken = countingSource();
    const session = started({ fetchToken, initialToken: { token: 'from-ssr', expiresIn: 120_000 } });
    expect(session.getSnapshot()).toMatchObject({ token: 'from-ssr', status: 'ready' });
    await advance(95_999);
    expect(fetchToken).not.toHaveBeenCalled();
    await advance(1);
    expect(fetchToken).toHaveBeenCalledTimes(1);
  });

  it('aborts its request, drops its token and clears every timer when the last subscriber leaves', async () => {
    const signals: AbortSignal[] = [];
    const fetchToken = vi.fn<FetchToken>(
      (signal) =>
        new Promise((resolve) => {
          signals.push(signal);
          setTimeout(() => resolve({ token: 'late', expiresIn: 600_000 }), 1_000);
        }),
    );
    const onError = vi.fn();
    const session = createTokenSession({ fetchToken, onError }, fakeBrowser().openTab().environment);
    const unsubscribe = session.subscribe(() => {});
    await advance();
    unsubscribe();
    await advance(10 * 60_000);
    expect(signals[0]?.aborted).toBe(true);
    expect(session.getSnapshot().token).toBeNull();
    expect(onError).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('survives an unsubscribe followed at once by a subscribe (StrictMode) with one request', async () => {
    const fetchToken = countingSource();
    const session = createTokenSession({ fetchToken });
    const first = session.subscribe(() => {});
    first();
    stops.push(session.subscribe(() => {}));
    await advance();
    expect(fetchToken).toHaveBeenCalledTimes(1);
    expect(session.getSnapshot().token).toBe('token-1');
  });
});

describe('createTokenSession across tabs', () => {
  const shareName = '["/api/databrain/token","alice"]';

  it('gives a newly opened tab the token another tab holds, without a request', async () => {
    const browser = fakeBrowser();
    const first = countingSource(600_000, 'first');
    const second = countingSource(600_000, 'second');
    const firstTab = started({ fetchToken: first, shareName }, browser.openTab().environment);
    await advance(200);
    expect(firstTab.getSnapshot()).toMatchObject({ token: 'first-1', sharedAcrossTabs: true });
    vi.setSystemTime(Date.now() + 100_000);
    const secondTab = started({ fetchToken: second, shareName }, browser.openTab().environment);
    await advance(200);
    expect(second).not.toHaveBeenCalled();
    expect(secondTab.getSnapshot()).toMatchObject({
      token: 'first-1',
      receivedFrom: 'another-tab',
      requests: 0,
      expiresAt: firstTab.getSnapshot().expiresAt,
    });
  });

  it('makes one request per lifetime for five tabs, each tab always holding a valid token', async () => {
    const browser = fakeBrowser();
    const fetchToken = countingSource(10_000);
    const tabs = [];
    for (let index = 0; index < 5; index += 1) {
      tabs.push(started({ fetchToken, shareName }, browser.openTab().environment));
      await advance(50);
    }
    await advance(200);
    let invalidChecks = 0;
    for (let elapsed = 0; elapsed < 30_000; elapsed += 100) {
      await advance(100);
      invalidChecks += tabs.filter((tab) => tab.getSnapshot().token === null).length;
    }
    // One token at the start plus one refresh per lifetime (at 8 s, 16 s, 24 s).
    expect(fetchToken).toHaveBeenCalledTimes(4);
    expect(invalidChecks).toBe(0);
    expect(new Set(tabs.map((tab) => tab.getSnapshot().token)).size).toBe(1);
  });

  it('lets a tab that waited for the lock use the token just fetched instead of asking again', async () => {
    const browser = fakeBrowser();
    const fetchToken = countingSource(10_000);
    const one = started({ fetchToken, shareName }, browser.openTab().environment);
    await advance(200);
    const two = started({ fetchToken, shareName }, browser.openTab().environment);
    await advance(200);
    one.reportExpired('token-1');
    two.reportExpired('token-1');
    // The first in the lock gives a late broadcast time to arrive, then fetches.
    await advance(200);
    expect(fetchToken).toHaveBeenCalledTimes(2);
    expect(one.getSnapshot().token).toBe('token-2');
    expect(two.getSnapshot().token).toBe('token-2');
  });

  it('fetches by itself once the wait for a frozen lock holder is over', async () => {
    const browser = fakeBrowser();
    browser.holdLockForever(`databrain-embed:token:${shareName}`);
    const fetchToken = countingSource();
    const tab = started({ fetchToken, shareName }, browser.openTab().environment);
    await advance(100);
    expect(fetchToken).not.toHaveBeenCalled();
    await advance(5_000);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    expect(tab.getSnapshot().token).toBe('token-1');
  });

  it('shows a valid token at once when a tab that slept past expiry wakes, taking it from another tab', async () => {
    const browser = fakeBrowser();
    const fetchToken = countingSource(10_000);
    const awake = started({ fetchToken, shareName }, browser.openTab().environment);
    const sleepyTab = browser.openTab();
    await advance(200);
    const sleepy = started({ fetchToken, shareName }, sleepyTab.environment);
    await advance(200);
    // The awake tab refreshes on schedule; the sleeping one misses it and its clock jumps.
    const refreshed = async (): Promise<void> => {
      const done = awake.refresh();
      await advance(200);
      await done;
    };
    await refreshed();
    vi.setSystemTime(Date.now() + 9_000);
    await refreshed();
    const calls = fetchToken.mock.calls.length;
    sleepyTab.wake();
    await advance(1);
    expect(sleepy.getSnapshot().token).toBe(awake.getSnapshot().token);
    expect(fetchToken).toHaveBeenCalledTimes(calls);
  });

  it('asks the source at once when no other tab is there', async () => {
    const fetchToken = countingSource();
    const tab = started({ fetchToken, shareName }, fakeBrowser().openTab().environment);
    await advance();
    expect(fetchToken).toHaveBeenCalledTimes(1);
    expect(tab.getSnapshot().token).toBe('token-1');
  });

  it('waits for busy tabs, whose answers arrive late, instead of asking the source again', async () => {
    const browser = fakeBrowser({ deliveryDelayMs: 400 });
    const fetchToken = countingSource(600_000);
    const tabs = [started({ fetchToken, shareName }, browser.openTab().environment)];
    await advance(2_000);
    for (let opened = 1; opened < 5; opened++) {
      tabs.push(started({ fetchToken, shareName }, browser.openTab().environment));
      await advance(2_000);
    }
    expect(fetchToken).toHaveBeenCalledTimes(1);
    expect(tabs.map((tab) => tab.getSnapshot().token)).toEqual(Array(5).fill('token-1'));
  });

  it('lets a broadcast that arrives after the lock changed hands stop a second request', async () => {
    const browser = fakeBrowser({ deliveryDelayMs: 100 });
    const fetchToken = countingSource(10_000);
    const one = started({ fetchToken, shareName }, browser.openTab().environment);
    await advance(2_000);
    const two = started({ fetchToken, shareName }, browser.openTab().environment);
    await advance(2_000);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    // Both are due at the same moment: one fetches, the other gets the lock
    // before the broadcast of the new token reaches it.
    one.reportExpired('token-1');
    two.reportExpired('token-1');
    await advance(2_000);
    expect(fetchToken).toHaveBeenCalledTimes(2);
    expect(two.getSnapshot().token).toBe('token-2');
  });

  it('shares nothing between different names (another scope or endpoint)', async () => {
    const browser = fakeBrowser();
    const fetchToken = countingSource();
    const alice = started({ fetchToken, shareName }, browser.openTab().environment);
    await advance(200);
    const bob = started(
      { fetchToken, shareName: '["/api/databrain/token","bob"]' },
      browser.openTab().environment,
    );
    await advance(200);
    expect(fetchToken).toHaveBeenCalledTimes(2);
    expect(bob.getSnapshot().token).not.toBe(alice.getSnapshot().token);
  });

  it('keeps one token per tab without a share name or without the browser APIs', async () => {
    const browser = fakeBrowser();
    const fetchToken = countingSource();
    started({ fetchToken }, browser.openTab().environment);
    started({ fetchToken, shareName }, browser.openTab({ sharing: false }).environment);
    started({ fetchToken, shareName }, browser.openTab({ sharing: false }).environment);
    await advance(200);
    expect(fetchToken).toHaveBeenCalledTimes(3);
    expect(browser.messages).toEqual([]);
  });

  it('never uses a malformed message or an offer that lives too briefly', async () => {
    const browser = fakeBrowser();
    const intruder = browser
      .openTab()
      .environment.openChannel?.(`databrain-embed:token:${shareName}`, () => {});
    const onTokenRefresh = vi.fn();
    const fetchToken = countingSource();
    const tab = started({ fetchToken, shareName, onTokenRefresh }, browser.openTab().environment);
    // Delivered before the tab's own token arrives, while it holds none.
    intruder?.post({ type: 'token', token: 42, expiresIn: 600_000 } as never);
    intruder?.post({ type: 'token', token: 'brief', expiresIn: 10 });
    intruder?.post({ type: 'nonsense' } as never);
    await advance(200);
    expect(onTokenRefresh.mock.calls.map(([received]) => received.token)).toEqual(['token-1']);
    expect(tab.getSnapshot()).toMatchObject({ token: 'token-1', receivedFrom: 'this-tab' });
  });
});

describe('createTokenSession phases', () => {
  const shareName = '["/api/databrain/token","alice"]';

  it('runs one timer per phase besides the expiry of the token held, and none when idle or halted', async () => {
    const source = vi
      .fn<FetchToken>()
      .mockResolvedValueOnce({ token: 'first', expiresIn: 10_000 })
      .mockRejectedValueOnce(new Error('down'))
      .mockResolvedValueOnce({ token: 'brief', expiresIn: 10 });
    const session = createTokenSession(
      { fetchToken: source },
      fakeBrowser().openTab({ sharing: false }).environment,
    );
    const unsubscribe = session.subscribe(() => {});
    // fetching: the request only.
    expect(vi.getTimerCount()).toBe(0);
    await advance();
    // scheduled: the refresh and the token's expiry.
    expect(vi.getTimerCount()).toBe(2);
    await advance(8_000);
    // retrying: the backoff and the token's expiry.
    expect(session.getSnapshot().error?.message).toContain('failed');
    expect(vi.getTimerCount()).toBe(2);
    await advance(2_000);
    // halted: the expiry went with the token, and a lifetime too short arms nothing.
    expect(session.getSnapshot().error?.code).toBe('TOKEN_LIFETIME');
    expect(vi.getTimerCount()).toBe(0);
    unsubscribe();
    await advance();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('retrying → fetching: refresh() asks at once instead of waiting out the backoff, and never rejects', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(1);
    let failing = true;
    const fetchToken = vi.fn<FetchToken>(async () => {
      if (failing) throw new Error('down');
      return { token: 'back', expiresIn: 600_000 };
    });
    const session = started({ fetchToken });
    await advance();
    await advance(1_000);
    expect(fetchToken).toHaveBeenCalledTimes(2);
    // The next retry is 2 s away.
    await expect(session.refresh()).resolves.toBeUndefined();
    expect(fetchToken).toHaveBeenCalledTimes(3);
    failing = false;
    await session.refresh();
    expect(session.getSnapshot()).toMatchObject({ token: 'back', status: 'ready', error: null });
    // The backoff timer went with the phase: no stray retry later.
    await advance(60_000);
    expect(fetchToken).toHaveBeenCalledTimes(4);
  });

  it('retrying → scheduled: a token another tab shares ends the retries', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(1);
    const browser = fakeBrowser();
    const failing = vi.fn<FetchToken>(async () => {
      throw new Error('down');
    });
    const sharing = countingSource(600_000, 'shared');
    const failingTab = started({ fetchToken: failing, shareName }, browser.openTab().environment);
    await advance(200);
    expect(failingTab.getSnapshot().status).toBe('error');
    const calls = failing.mock.calls.length;
    const other = started({ fetchToken: sharing, shareName }, browser.openTab().environment);
    // The new tab asks, nobody has a token, so it asks its source and offers the answer.
    await advance(2_000);
    expect(other.getSnapshot().token).toBe('shared-1');
    expect(failingTab.getSnapshot()).toMatchObject({ token: 'shared-1', status: 'ready', error: null });
    const afterShare = failing.mock.calls.length;
    expect(afterShare - calls).toBeLessThanOrEqual(2);
    await advance(60_000);
    expect(failing).toHaveBeenCalledTimes(afterShare);
  });

  it('scheduled → scheduled: a longer-lived token from another tab moves the refresh time, with no request', async () => {
    const browser = fakeBrowser();
    const mine = countingSource(10_000, 'mine');
    const tab = started({ fetchToken: mine, shareName }, browser.openTab().environment);
    await advance(200);
    expect(tab.getSnapshot().refreshAt).toBe(1_008_000);
    const sender = browser
      .openTab()
      .environment.openChannel?.(`databrain-embed:token:${shareName}`, () => {});
    sender?.post({ type: 'token', token: 'longer', expiresIn: 100_000 });
    await advance();
    expect(tab.getSnapshot()).toMatchObject({ token: 'longer', receivedFrom: 'another-tab' });
    const refreshAt = tab.getSnapshot().refreshAt as number;
    expect(refreshAt).toBe(Date.now() + 80_000);
    await advance(refreshAt - Date.now() - 1);
    expect(mine).toHaveBeenCalledTimes(1);
    await advance(1);
    expect(mine).toHaveBeenCalledTimes(2);
  });

  it('halted → scheduled: a token another tab shares lifts the halt', async () => {
    const browser = fakeBrowser();
    const tab = started({ fetchToken: countingSource(0), shareName }, browser.openTab().environment);
    await advance(200);
    expect(tab.getSnapshot().error?.code).toBe('TOKEN_LIFETIME');
    const sender = browser
      .openTab()
      .environment.openChannel?.(`databrain-embed:token:${shareName}`, () => {});
    sender?.post({ type: 'token', token: 'good', expiresIn: 600_000 });
    await advance();
    expect(tab.getSnapshot()).toMatchObject({ token: 'good', status: 'ready', error: null });
    expect(tab.getSnapshot().refreshAt).toBe(Date.now() + 540_000);
  });

  it('fetching → idle: a request still in flight when the last subscriber leaves is aborted and ignored', async () => {
    let resolveLate: (value: { token: string; expiresIn: number }) => void = () => {};
    const onTokenRefresh = vi.fn();
    const fetchToken = vi.fn<FetchToken>(() => new Promise((resolve) => (resolveLate = resolve)));
    const session = createTokenSession({ fetchToken, onTokenRefresh });
    const unsubscribe = session.subscribe(() => {});
    await advance();
    unsubscribe();
    await advance();
    resolveLate({ token: 'late', expiresIn: 600_000 });
    await advance();
    expect(session.getSnapshot()).toMatchObject({ token: null, status: 'loading' });
    expect(onTokenRefresh).not.toHaveBeenCalled();
  });
});

describe('createTokenSession with callbacks that throw', () => {
  const shareName = '["/api/databrain/token","alice"]';
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  // Node's process, typed here: this package's sources are typed for browsers only.
  const { process } = globalThis as unknown as {
    process: {
      on(event: 'unhandledRejection', listener: (reason: unknown) => void): void;
      off: typeof process.on;
    };
  };
  beforeEach(() => {
    unhandled.length = 0;
    process.on('unhandledRejection', onUnhandled);
  });
  afterEach(() => {
    process.off('unhandledRejection', onUnhandled);
  });

  const reportsOf = (name: string) =>
    vi.mocked(console.error).mock.calls.filter(([message]) => String(message).includes(`${name} threw`));

  it('onTokenRefresh: one request per lifetime, the token kept and shared with other tabs, reported once', async () => {
    const browser = fakeBrowser();
    const fetchToken = countingSource(10_000);
    const onTokenRefresh = vi.fn(() => {
      throw new Error('app bug');
    });
    const tab = started({ fetchToken, shareName, onTokenRefresh }, browser.openTab().environment);
    await advance(200);
    const other = countingSource(10_000, 'other');
    const otherTab = started({ fetchToken: other, shareName }, browser.openTab().environment);
    let withoutToken = 0;
    for (let elapsed = 0; elapsed < 30_000; elapsed += 100) {
      await advance(100);
      if (tab.getSnapshot().token === null) withoutToken += 1;
    }
    // Tokens at 0, 8, 16 and 24 s: one per lifetime, as without the callback.
    expect(fetchToken).toHaveBeenCalledTimes(4);
    expect(withoutToken).toBe(0);
    expect(tab.getSnapshot()).toMatchObject({ status: 'ready', error: null });
    expect(other).not.toHaveBeenCalled();
    expect(otherTab.getSnapshot().token).toBe(tab.getSnapshot().token);
    expect(onTokenRefresh).toHaveBeenCalledTimes(4);
    expect(reportsOf('onTokenRefresh')).toHaveLength(1);
    expect(reportsOf('onTokenRefresh')[0]?.[1]).toEqual(new Error('app bug'));
    expect(unhandled).toEqual([]);
  });

  it('onError: retries go on with their backoff, refresh() resolves, reported once', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(1);
    const fetchToken = vi.fn<FetchToken>(async () => {
      throw new Error('503');
    });
    const onError = vi.fn(() => {
      throw new Error('app bug');
    });
    const session = started({ fetchToken, onError });
    await advance();
    await advance(1_000 + 2_000 + 4_000);
    expect(fetchToken).toHaveBeenCalledTimes(4);
    await expect(session.refresh()).resolves.toBeUndefined();
    expect(fetchToken).toHaveBeenCalledTimes(5);
    // The fifth failure in a row waits 16 s.
    await advance(16_000);
    expect(fetchToken).toHaveBeenCalledTimes(6);
    expect(onError).toHaveBeenCalledTimes(6);
    expect(session.getSnapshot()).toMatchObject({ status: 'error', token: null });
    expect(reportsOf('onError')).toHaveLength(1);
    expect(unhandled).toEqual([]);
  });

  it('onError on a lifetime too short: halted all the same, with no request loop', async () => {
    const fetchToken = countingSource(10);
    const session = started({
      fetchToken,
      onError: () => {
        throw new Error('app bug');
      },
    });
    await advance(60_000);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    expect(session.getSnapshot().error?.code).toBe('TOKEN_LIFETIME');
    expect(unhandled).toEqual([]);
  });

  it('an async onTokenRefresh that rejects is reported, not left unhandled', async () => {
    const fetchToken = countingSource();
    const session = started({
      fetchToken,
      onTokenRefresh: async () => {
        throw new Error('async app bug');
      },
    });
    await advance();
    expect(session.getSnapshot().token).toBe('token-1');
    expect(reportsOf('onTokenRefresh')).toHaveLength(1);
    expect(unhandled).toEqual([]);
  });

  it('a subscriber that throws keeps neither the session nor the other subscribers from going on', async () => {
    const fetchToken = countingSource(10_000);
    const session = createTokenSession({ fetchToken });
    const seen: (string | null)[] = [];
    stops.push(
      session.subscribe(() => {
        throw new Error('subscriber bug');
      }),
    );
    stops.push(session.subscribe(() => seen.push(session.getSnapshot().token)));
    await advance();
    await advance(8_000);
    expect(fetchToken).toHaveBeenCalledTimes(2);
    expect(seen).toContain('token-2');
    expect(unhandled).toEqual([]);
  });
});
