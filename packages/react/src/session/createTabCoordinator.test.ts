import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '../test-utils/fakeTabs.ts';
import {
  createTabCoordinator,
  type OfferedToken,
  type TabCoordinator,
  type TabCoordinatorOptions,
} from './createTabCoordinator.ts';
import type { SessionEnvironment } from './SessionEnvironment.ts';

const name = '["/api/databrain/token","alice"]';
const opened: TabCoordinator[] = [];

/** A coordinator for one tab that never offers anything unless told to. */
function coordinator(
  environment: SessionEnvironment,
  overrides: Partial<TabCoordinatorOptions> = {},
): TabCoordinator {
  const tabs = createTabCoordinator({
    name,
    environment,
    onOffer: () => {},
    tokenToOffer: () => null,
    ...overrides,
  });
  if (!tabs) throw new Error('expected the fake browser to offer sharing');
  opened.push(tabs);
  return tabs;
}

const source = (answer: OfferedToken = { token: 'fresh', expiresIn: 600_000 }) =>
  vi.fn(async (_signal: AbortSignal) => answer);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(async () => {
  for (const tabs of opened.splice(0)) tabs.close();
  await vi.advanceTimersByTimeAsync(0);
  vi.useRealTimers();
});

describe('createTabCoordinator', () => {
  it('is not there without Web Locks or BroadcastChannel', () => {
    const environment = fakeBrowser().openTab({ sharing: false }).environment;
    expect(
      createTabCoordinator({ name, environment, onOffer: () => {}, tokenToOffer: () => null }),
    ).toBeUndefined();
  });

  it('asks the source at once, without waiting, when the tab is alone', async () => {
    const fetchFromSource = source();
    const tabs = coordinator(fakeBrowser().openTab().environment);
    const started = Date.now();
    const fresh = await tabs.obtain(new AbortController().signal, {
      holdsToken: false,
      stillNeeded: () => true,
      fetchFromSource,
    });
    expect(fresh).toEqual({ token: 'fresh', expiresIn: 600_000 });
    expect(Date.now() - started).toBe(0);
  });

  it("takes another tab's offer instead of asking the source", async () => {
    const browser = fakeBrowser();
    coordinator(browser.openTab().environment, {
      tokenToOffer: () => ({ token: 'held-elsewhere', expiresIn: 300_000 }),
    });
    let offered: OfferedToken | null = null;
    const tabs = coordinator(browser.openTab().environment, { onOffer: (token) => (offered = token) });
    const fetchFromSource = source();
    const obtaining = tabs.obtain(new AbortController().signal, {
      holdsToken: false,
      stillNeeded: () => offered === null,
      fetchFromSource,
    });
    await vi.advanceTimersByTimeAsync(0);
    await expect(obtaining).resolves.toBeNull();
    expect(offered).toEqual({ token: 'held-elsewhere', expiresIn: 300_000 });
    expect(fetchFromSource).not.toHaveBeenCalled();
  });

  it('waits up to a second for an answer when the lock manager cannot count the tabs, then asks the source', async () => {
    const browser = fakeBrowser();
    const tabs = coordinator(browser.openTab({ countableTabs: false }).environment);
    const fetchFromSource = source();
    const obtaining = tabs.obtain(new AbortController().signal, {
      holdsToken: false,
      stillNeeded: () => true,
      fetchFromSource,
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(fetchFromSource).not.toHaveBeenCalled();
    expect(browser.messages).toEqual([{ type: 'ask' }]);
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(obtaining).resolves.toEqual({ token: 'fresh', expiresIn: 600_000 });
  });

  it('offers a token to every other tab, never back to itself', async () => {
    const browser = fakeBrowser();
    const received: OfferedToken[] = [];
    const own: OfferedToken[] = [];
    const sender = coordinator(browser.openTab().environment, { onOffer: (token) => own.push(token) });
    coordinator(browser.openTab().environment, { onOffer: (token) => received.push(token) });
    coordinator(browser.openTab().environment, { onOffer: (token) => received.push(token) });
    sender.offer({ token: 'shared', expiresIn: 60_000 });
    await vi.advanceTimersByTimeAsync(0);
    expect(received).toEqual([
      { token: 'shared', expiresIn: 60_000 },
      { token: 'shared', expiresIn: 60_000 },
    ]);
    expect(own).toEqual([]);
  });

  it('passes on no offer that is malformed or lives under a second', async () => {
    const browser = fakeBrowser();
    const received: OfferedToken[] = [];
    coordinator(browser.openTab().environment, { onOffer: (token) => received.push(token) });
    const intruder = browser.openTab().environment.openChannel?.(`databrain-embed:token:${name}`, () => {});
    intruder?.post({ type: 'token', token: 42, expiresIn: 600_000 } as never);
    intruder?.post({ type: 'token', token: '', expiresIn: 600_000 });
    intruder?.post({ type: 'token', token: 'brief', expiresIn: 999 });
    intruder?.post({ type: 'token', token: 'no lifetime' } as never);
    intruder?.post({ type: 'token', token: 'forever', expiresIn: null });
    await vi.advanceTimersByTimeAsync(0);
    expect(received).toEqual([{ token: 'forever', expiresIn: null }]);
  });

  it('stops waiting and rejects when the request is aborted', async () => {
    const browser = fakeBrowser();
    coordinator(browser.openTab().environment);
    const tabs = coordinator(browser.openTab().environment);
    const attempt = new AbortController();
    const fetchFromSource = source();
    const obtaining = tabs.obtain(attempt.signal, {
      holdsToken: false,
      stillNeeded: () => true,
      fetchFromSource,
    });
    const settled = obtaining.catch((reason: unknown) => reason);
    await vi.advanceTimersByTimeAsync(100);
    attempt.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(await settled).toBeInstanceOf(Error);
    expect(fetchFromSource).not.toHaveBeenCalled();
  });
});
