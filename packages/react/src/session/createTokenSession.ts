import { DatabrainError, isDatabrainError } from '@databrain-embed/core/errors';
import type { FetchToken } from './FetchToken.ts';
import { logFailure } from './logFailure.ts';
import { retryDelay } from './retryDelay.ts';
import { browserEnvironment, type SessionEnvironment, type TabChannel } from './SessionEnvironment.ts';
import { setLongTimeout } from './setLongTimeout.ts';
import type { TokenEndpointResponse } from './TokenEndpointResponse.ts';
import type { ReceivedToken, TokenOrigin, TokenSessionState } from './TokenSessionState.ts';

/** A token that lives less than this would expire before an element could use it. */
export const SHORTEST_LIFETIME_MS = 1_000;
/**
 * How long a tab waits for another tab to offer a token before it asks the
 * source, when other tabs are there: long enough for a busy tab to answer.
 * The wait ends as soon as a token arrives; a tab alone does not wait.
 */
const ASK_WAIT_MS = 1_000;
/**
 * After waiting for the lock: how long to let the broadcast of the tab that
 * held it arrive (a lock can be granted before that message is delivered).
 */
const SETTLE_WAIT_MS = 150;
/** How long a tab waits for the tab holding the lock; a frozen or hung tab must not stall it longer. */
const LOCK_WAIT_MS = 5_000;
/** The default refresh margin: a fifth of the lifetime, at most a minute. */
const LONGEST_DEFAULT_MARGIN_MS = 60_000;

/**
 * What a token session is told. Everything but `shareName` and
 * `initialToken` may change through `update()`.
 *
 * @example
 * ```ts
 * const options: TokenSessionOptions = {
 *   fetchToken: (signal) => fetchTokenFromEndpoint('/api/databrain/token', signal),
 *   shareName: '/api/databrain/token user-42',
 * };
 * ```
 */
export interface TokenSessionOptions {
  /** Asks the token source; answers must already be checked (`{ token, expiresIn }`). */
  fetchToken: FetchToken;
  /** A token minted during server rendering, used until it is due. */
  initialToken?: TokenEndpointResponse | undefined;
  /**
   * Ms before expiry to ask for the next token, at most half the lifetime.
   * Default: the smaller of 60 s and a fifth of the lifetime.
   */
  refreshMargin?: number | undefined;
  onTokenRefresh?: ((token: ReceivedToken) => void) | undefined;
  onError?: ((error: DatabrainError) => void) | undefined;
  /**
   * Sessions with the same name, in any tab of this origin, share one token.
   * `undefined`: this session keeps to itself.
   */
  shareName?: string | undefined;
}

/**
 * One guest token's lifecycle, free of any framework: a store that
 * `useSyncExternalStore` (or anything else) can read. It starts with its
 * first subscriber and stops, dropping its token, when the last one leaves.
 *
 * @example
 * ```ts
 * const session = createTokenSession({ fetchToken });
 * const unsubscribe = session.subscribe(() => console.info(session.getSnapshot().status));
 * ```
 */
export interface TokenSession {
  readonly getSnapshot: () => TokenSessionState;
  readonly subscribe: (listener: () => void) => () => void;
  /** Asks for a new token now, even if the current one looks valid. Never rejects. */
  readonly refresh: () => Promise<void>;
  /** An element said this token expired: refresh at once, at most once per token. */
  readonly reportExpired: (token: string) => void;
  /** Takes the latest source and callbacks (the name and initial token stay). */
  readonly update: (options: TokenSessionOptions) => void;
}

interface HeldToken {
  token: string;
  expiresAt: number | null;
  refreshAt: number | null;
  receivedFrom: TokenOrigin;
}

const remainingLifetime = (held: HeldToken): number | null =>
  held.expiresAt === null ? null : held.expiresAt - Date.now();

// Resolves after `ms`, or rejects as soon as `signal` aborts.
const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

/**
 * Creates a token session. It owns one request at a time (shared by every
 * caller, aborted when the session stops), computes due and expiry times
 * from `expiresIn` on arrival, retries with capped backoff and jitter, wakes
 * up when the tab becomes visible, gains focus or goes online (timers sleep
 * with laptops), and refuses lifetimes too short to serve.
 *
 * With a `shareName`, and where Web Locks and BroadcastChannel exist, tabs
 * share one token: the tab that holds the lock asks the source and
 * broadcasts the token with what is left of its lifetime; a tab without a
 * token asks the others first; a tab that waited for the lock checks again
 * before asking the source. Every wait is bounded. Tokens live in memory
 * only, never in any storage.
 *
 * @example
 * ```ts
 * import { createTokenSession } from './session/createTokenSession.ts';
 * const session = createTokenSession({ fetchToken, shareName: 'endpoint user-42' });
 * const stop = session.subscribe(() => render(session.getSnapshot()));
 * ```
 */
export function createTokenSession(
  options: TokenSessionOptions,
  environment?: SessionEnvironment,
): TokenSession {
  const { shareName } = options;
  let settings = options;
  const listeners = new Set<() => void>();
  let running = false;
  let held: HeldToken | null = null;
  let error: DatabrainError | null = null;
  let lastLogged: string | null = null;
  let requests = 0;
  let failures = 0;
  // After a lifetime too short to serve, nothing is requested until refresh().
  let halted = false;
  let reportedExpired: string | null = null;
  let attempt: AbortController | null = null;
  let inFlight: Promise<void> | null = null;
  let cancelRefreshTimer: (() => void) | undefined;
  let cancelExpiryTimer: (() => void) | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let channel: TabChannel | undefined;
  let requestLock: SessionEnvironment['requestLock'];
  let countTabs: (() => Promise<number>) | undefined;
  let leaveTabs: AbortController | undefined;
  // Called when a token is adopted: wakes a wait for another tab's offer.
  const tokenWaiters = new Set<() => void>();
  let stopWakeUps: (() => void) | undefined;

  const isDue = (): boolean => held === null || (held.refreshAt !== null && Date.now() >= held.refreshAt);
  const isExpired = (token: HeldToken): boolean => token.expiresAt !== null && Date.now() >= token.expiresAt;

  function hold(token: string, expiresIn: number | null, receivedFrom: TokenOrigin): HeldToken {
    if (expiresIn === null) return { token, expiresAt: null, refreshAt: null, receivedFrom };
    const expiresAt = Date.now() + expiresIn;
    const wanted = settings.refreshMargin ?? Math.min(LONGEST_DEFAULT_MARGIN_MS, expiresIn / 5);
    // At most half the lifetime: a margin as long as the token would refresh it in a loop.
    const margin = Math.min(Math.max(0, wanted), expiresIn / 2);
    return { token, expiresAt, refreshAt: expiresAt - margin, receivedFrom };
  }

  function snapshotOf(): TokenSessionState {
    const token = held?.token ?? null;
    return {
      token,
      expiresAt: held?.expiresAt ?? null,
      refreshAt: held?.refreshAt ?? null,
      error,
      status: token !== null ? 'ready' : error ? 'error' : 'loading',
      isRefreshing: token !== null && inFlight !== null,
      receivedFrom: held?.receivedFrom ?? null,
      requests,
      sharedAcrossTabs: channel !== undefined,
    };
  }

  let snapshot = snapshotOf();

  function publish(): void {
    const next = snapshotOf();
    const keys = Object.keys(next) as (keyof TokenSessionState)[];
    if (keys.every((key) => next[key] === snapshot[key])) return;
    snapshot = next;
    for (const listener of listeners) listener();
  }

  function clearTimers(): void {
    cancelRefreshTimer?.();
    cancelExpiryTimer?.();
    clearTimeout(retryTimer);
    cancelRefreshTimer = cancelExpiryTimer = retryTimer = undefined;
  }

  // Arms the expiry and refresh timers for the token held, as far as they reach.
  function schedule(): void {
    cancelRefreshTimer?.();
    cancelExpiryTimer?.();
    cancelRefreshTimer = cancelExpiryTimer = undefined;
    if (!running || !held) return;
    if (held.expiresAt !== null) cancelExpiryTimer = setLongTimeout(held.expiresAt, dropIfExpired);
    if (held.refreshAt !== null && !inFlight && retryTimer === undefined && !halted) {
      cancelRefreshTimer = setLongTimeout(held.refreshAt, () => void request());
    }
  }

  function dropIfExpired(): void {
    if (held && isExpired(held)) {
      held = null;
      publish();
    }
  }

  function adopt(next: HeldToken): void {
    held = next;
    for (const wake of tokenWaiters) wake();
    error = null;
    lastLogged = null;
    failures = 0;
    halted = false;
    clearTimeout(retryTimer);
    retryTimer = undefined;
    schedule();
    publish();
    settings.onTokenRefresh?.({
      token: next.token,
      expiresAt: next.expiresAt,
      receivedFrom: next.receivedFrom,
    });
  }

  function fail(reason: unknown): void {
    error = isDatabrainError(reason)
      ? reason
      : new DatabrainError('TOKEN_SOURCE', 'The token source failed.', { cause: reason });
    failures += 1;
    settings.onError?.(error);
    // Once per distinct failure, not once per retry.
    if (error.message !== lastLogged) logFailure(error);
    lastLogged = error.message;
    if (error.code === 'TOKEN_LIFETIME') halted = true;
    else
      retryTimer = setTimeout(() => {
        retryTimer = undefined;
        void request();
      }, retryDelay(failures));
  }

  async function fetchFromSource(signal: AbortSignal): Promise<void> {
    requests += 1;
    publish();
    // Replacing a token an element reported expired: say so, or a server
    // that reuses tokens would answer the same one.
    const replacing = reportedExpired !== null && held?.token === reportedExpired;
    const answer = await settings.fetchToken(
      signal,
      replacing ? { expiredToken: reportedExpired as string } : {},
    );
    signal.throwIfAborted();
    if (answer.expiresIn !== null && answer.expiresIn < SHORTEST_LIFETIME_MS) {
      throw new DatabrainError(
        'TOKEN_LIFETIME',
        `The token source answered a token that lives ${answer.expiresIn} ms; mint tokens that live minutes.`,
      );
    }
    const next = hold(answer.token, answer.expiresIn, 'this-tab');
    adopt(next);
    channel?.post({ type: 'token', token: next.token, expiresIn: remainingLifetime(next) });
  }

  // Runs `task` holding the session's lock, or without it once the wait is
  // over: a tab that holds it but was frozen or hangs must not stall this one.
  async function withLock(
    lock: NonNullable<SessionEnvironment['requestLock']>,
    signal: AbortSignal,
    task: () => Promise<void>,
  ): Promise<void> {
    const waiting = new AbortController();
    const giveUp = setTimeout(() => waiting.abort(), LOCK_WAIT_MS);
    const stopWaiting = (): void => waiting.abort();
    signal.addEventListener('abort', stopWaiting);
    let ran = false;
    try {
      await lock(`databrain-embed:token:${shareName}`, waiting.signal, () => {
        ran = true;
        clearTimeout(giveUp);
        return task();
      });
    } catch (reason) {
      // The task's own failure; otherwise the wait was given up.
      if (ran) throw reason;
    } finally {
      clearTimeout(giveUp);
      signal.removeEventListener('abort', stopWaiting);
    }
    signal.throwIfAborted();
    if (!ran) await task();
  }

  // Asks the other tabs for a valid token and waits up to `ms` for one;
  // returns at once when this tab is alone.
  async function askOtherTabs(ms: number, signal: AbortSignal): Promise<void> {
    const tabs = countTabs ? await countTabs().catch(() => 2) : 2;
    if (tabs < 2 || !channel) return;
    const offered = new Promise<void>((resolve) => tokenWaiters.add(resolve));
    channel.post({ type: 'ask' });
    const waited = new AbortController();
    const stopWaiting = (): void => waited.abort();
    signal.addEventListener('abort', stopWaiting);
    try {
      await Promise.race([offered, sleep(ms, waited.signal)]);
    } finally {
      waited.abort();
      signal.removeEventListener('abort', stopWaiting);
      tokenWaiters.clear();
    }
    signal.throwIfAborted();
  }

  async function obtain(signal: AbortSignal): Promise<void> {
    if (!channel || !requestLock) return fetchFromSource(signal);
    if (held === null) {
      await askOtherTabs(ASK_WAIT_MS, signal);
      if (!isDue()) return;
    }
    await withLock(requestLock, signal, async () => {
      // The tab that held the lock before may have just refreshed, and its
      // broadcast may still be on its way.
      if (isDue()) await askOtherTabs(SETTLE_WAIT_MS, signal);
      if (isDue()) await fetchFromSource(signal);
    });
  }

  function request(): Promise<void> {
    if (inFlight) return inFlight;
    if (!running) return Promise.resolve();
    clearTimeout(retryTimer);
    retryTimer = undefined;
    cancelRefreshTimer?.();
    cancelRefreshTimer = undefined;
    const current = new AbortController();
    attempt = current;
    inFlight = obtain(current.signal)
      .catch((reason: unknown) => {
        if (!current.signal.aborted) fail(reason);
      })
      .finally(() => {
        if (attempt !== current) return;
        attempt = null;
        inFlight = null;
        schedule();
        publish();
      });
    publish();
    return inFlight;
  }

  function onMessage(message: unknown): void {
    const { type, token, expiresIn } = Object(message) as Record<string, unknown>;
    if (type === 'ask') {
      if (held && !isDue())
        channel?.post({ type: 'token', token: held.token, expiresIn: remainingLifetime(held) });
      return;
    }
    if (type !== 'token' || typeof token !== 'string' || !token) return;
    if (expiresIn !== null && !(typeof expiresIn === 'number' && expiresIn >= SHORTEST_LIFETIME_MS)) return;
    const offered = hold(token, expiresIn, 'another-tab');
    // Only a token that lives longer than the one held replaces it.
    if (held && (held.token === token || (held.expiresAt ?? Infinity) >= (offered.expiresAt ?? Infinity)))
      return;
    adopt(offered);
  }

  function onWake(): void {
    if (!running) return;
    dropIfExpired();
    if (isDue() && !inFlight && retryTimer === undefined && !halted) void request();
    else schedule();
  }

  function start(): void {
    running = true;
    const browser = environment ?? browserEnvironment();
    if (shareName !== undefined && browser.requestLock && browser.openChannel) {
      requestLock = browser.requestLock;
      channel = browser.openChannel(`databrain-embed:token:${shareName}`, onMessage);
      leaveTabs = new AbortController();
      countTabs = browser.joinTabs?.(`databrain-embed:tabs:${shareName}`, leaveTabs.signal).count;
    }
    stopWakeUps = browser.listenForWakeUps(onWake);
    if (held && isExpired(held)) held = null;
    if (isDue()) void request();
    else schedule();
    publish();
  }

  function stop(): void {
    running = false;
    attempt?.abort();
    attempt = null;
    inFlight = null;
    clearTimers();
    channel?.close();
    channel = undefined;
    leaveTabs?.abort();
    leaveTabs = countTabs = undefined;
    stopWakeUps?.();
    stopWakeUps = undefined;
    held = null;
    error = null;
    failures = 0;
    halted = false;
    publish();
  }

  const initial = options.initialToken;
  if (initial && (initial.expiresIn === null || initial.expiresIn >= SHORTEST_LIFETIME_MS)) {
    held = hold(initial.token, initial.expiresIn, 'this-tab');
    snapshot = snapshotOf();
  }

  const refresh = (): Promise<void> => {
    halted = false;
    if (held) held = { ...held, refreshAt: Date.now() };
    return request();
  };

  return {
    getSnapshot: () => snapshot,
    subscribe: (listener) => {
      listeners.add(listener);
      if (!running) start();
      return () => {
        listeners.delete(listener);
        // Deferred: StrictMode unsubscribes and subscribes again at once,
        // which must not cancel the request the two share.
        queueMicrotask(() => {
          if (listeners.size === 0 && running) stop();
        });
      };
    },
    refresh,
    reportExpired: (token) => {
      if (held?.token !== token || reportedExpired === token) return;
      reportedExpired = token;
      void refresh();
    },
    update: (next) => {
      settings = next;
    },
  };
}
