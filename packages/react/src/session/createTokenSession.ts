import { DatabrainError, isDatabrainError } from '@databrain-embed/core/errors';
import { createNotifier } from './createNotifier.ts';
import {
  createTabCoordinator,
  type OfferedToken,
  SHORTEST_LIFETIME_MS,
  type TabCoordinator,
} from './createTabCoordinator.ts';
import type { FetchToken } from './FetchToken.ts';
import { logFailure } from './logFailure.ts';
import { retryDelay } from './retryDelay.ts';
import { browserEnvironment, type SessionEnvironment } from './SessionEnvironment.ts';
import { setLongTimeout } from './setLongTimeout.ts';
import type { TokenEndpointResponse } from './TokenEndpointResponse.ts';
import type { ReceivedToken, TokenOrigin, TokenSessionState } from './TokenSessionState.ts';

export { SHORTEST_LIFETIME_MS };

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
  /** Called with every token the session starts using; a throw is reported and changes nothing. */
  onTokenRefresh?: ((token: ReceivedToken) => void) | undefined;
  /** Called with every failure of the token source; a throw is reported and changes nothing. */
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

/**
 * What the session is doing. Each phase owns what runs during it (a timer or
 * a request), and leaving the phase cancels it:
 *
 * - `idle`: no subscriber; nothing runs, no token is held.
 * - `fetching`: obtaining a token (from the other tabs or the source); `done`
 *   settles when the phase ends, and never rejects.
 * - `scheduled`: a token is held; the timer asks for the next one at its
 *   refresh time (no timer for a token that never expires).
 * - `retrying`: the last request failed; the timer asks again after the
 *   backoff delay.
 * - `halted`: the source answered a lifetime too short to serve; nothing is
 *   asked until `refresh()`.
 */
type Phase =
  | { readonly name: 'idle' }
  | { readonly name: 'fetching'; readonly done: Promise<void>; readonly abort: () => void }
  | { readonly name: 'scheduled' | 'retrying'; readonly cancelTimer: () => void }
  | { readonly name: 'halted' };

type PhaseName = Phase['name'];

interface HeldToken {
  readonly token: string;
  readonly expiresAt: number | null;
  readonly refreshAt: number | null;
  readonly receivedFrom: TokenOrigin;
}

/** The last failure and how many requests in a row have failed; cleared by a token. */
interface Failure {
  readonly error: DatabrainError;
  readonly count: number;
}

const noTimer = (): void => {};

const remainingLifetime = (held: HeldToken): number | null =>
  held.expiresAt === null ? null : held.expiresAt - Date.now();

function asDatabrainError(reason: unknown): DatabrainError {
  return isDatabrainError(reason)
    ? reason
    : new DatabrainError('TOKEN_SOURCE', 'The token source failed.', { cause: reason });
}

/**
 * Creates a token session: a small state machine (see `Phase`) whose
 * transitions all go through one function, `enter`. It owns one request at a
 * time (shared by every caller, aborted when the session stops), computes due
 * and expiry times from `expiresIn` on arrival, retries with capped backoff
 * and jitter, wakes up when the tab becomes visible, gains focus or goes
 * online (timers sleep with laptops), and refuses lifetimes too short to
 * serve. The app's callbacks run after each transition, through one guarded
 * notify: a callback that throws changes nothing.
 *
 * With a `shareName`, and where Web Locks and BroadcastChannel exist, tabs
 * share one token through a tab coordinator (`createTabCoordinator`). Tokens
 * live in memory only, never in any storage.
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
  const notify = createNotifier();
  const listeners = new Set<() => void>();
  let settings = options;
  let phase: Phase = { name: 'idle' };
  let held: HeldToken | null = null;
  let cancelExpiry = noTimer;
  let failure: Failure | null = null;
  let requests = 0;
  let reportedExpired: string | null = null;
  // While started: the other tabs (when shared) and the wake-up listeners.
  let tabs: TabCoordinator | undefined;
  let stopWakeUps = noTimer;

  const isDue = (): boolean => held === null || (held.refreshAt !== null && Date.now() >= held.refreshAt);

  function holdFor(token: string, expiresIn: number | null, receivedFrom: TokenOrigin): HeldToken {
    if (expiresIn === null) return { token, expiresAt: null, refreshAt: null, receivedFrom };
    const expiresAt = Date.now() + expiresIn;
    const wanted = settings.refreshMargin ?? Math.min(LONGEST_DEFAULT_MARGIN_MS, expiresIn / 5);
    // At most half the lifetime: a margin as long as the token would refresh it in a loop.
    const margin = Math.min(Math.max(0, wanted), expiresIn / 2);
    return { token, expiresAt, refreshAt: expiresAt - margin, receivedFrom };
  }

  function snapshotOf(): TokenSessionState {
    const token = held?.token ?? null;
    const error = failure?.error ?? null;
    return {
      token,
      expiresAt: held?.expiresAt ?? null,
      refreshAt: held?.refreshAt ?? null,
      error,
      status: token !== null ? 'ready' : error ? 'error' : 'loading',
      isRefreshing: token !== null && phase.name === 'fetching',
      receivedFrom: held?.receivedFrom ?? null,
      requests,
      sharedAcrossTabs: tabs !== undefined,
    };
  }

  let snapshot = snapshotOf();

  function publish(): void {
    const next = snapshotOf();
    const keys = Object.keys(next) as (keyof TokenSessionState)[];
    if (keys.every((key) => next[key] === snapshot[key])) return;
    snapshot = next;
    for (const listener of listeners) notify('a token session subscriber', listener);
  }

  // The token held and its expiry timer, which drops it: the one place either changes.
  function setHeld(next: HeldToken | null): void {
    cancelExpiry();
    cancelExpiry = noTimer;
    held = next;
    if (next?.expiresAt != null && phase.name !== 'idle') {
      cancelExpiry = setLongTimeout(next.expiresAt, () => {
        setHeld(null);
        publish();
      });
    }
  }

  /** The one transition: leaves the current phase (cancelling what it owns) and enters `next`. */
  function enter(next: PhaseName): void {
    if (phase.name === 'fetching') phase.abort();
    else if (phase.name === 'scheduled' || phase.name === 'retrying') phase.cancelTimer();
    switch (next) {
      case 'idle':
      case 'halted':
        phase = { name: next };
        break;
      case 'fetching':
        phase = startFetching();
        break;
      case 'scheduled': {
        const at = held?.refreshAt ?? null;
        phase = {
          name: next,
          cancelTimer: at === null ? noTimer : setLongTimeout(at, () => enter('fetching')),
        };
        break;
      }
      case 'retrying': {
        const timer = setTimeout(() => enter('fetching'), retryDelay(failure?.count ?? 1));
        phase = { name: next, cancelTimer: () => clearTimeout(timer) };
        break;
      }
    }
    publish();
  }

  // Asks the token source once and checks the lifetime; another tab gets the token before it is used here.
  async function fetchFromSource(signal: AbortSignal): Promise<OfferedToken> {
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
    tabs?.offer(answer);
    return answer;
  }

  function startFetching(): Phase {
    const attempt = new AbortController();
    // Settled: the phase ends by its own outcome, and its request is not aborted.
    let settled = false;
    // From a microtask, so that the request starts once the session is in this phase.
    const request = Promise.resolve().then(() =>
      tabs
        ? tabs.obtain(attempt.signal, { holdsToken: held !== null, stillNeeded: isDue, fetchFromSource })
        : fetchFromSource(attempt.signal),
    );
    const fetching: Phase = {
      name: 'fetching',
      abort: () => {
        if (!settled) attempt.abort();
      },
      done: request.then(
        (fresh) => {
          settled = true;
          if (phase !== fetching) return;
          // No answer: another tab's token made the request unneeded.
          if (fresh) receive(holdFor(fresh.token, fresh.expiresIn, 'this-tab'), 'request done');
          else enter('scheduled');
        },
        (reason: unknown) => {
          settled = true;
          if (phase === fetching && !attempt.signal.aborted) fail(asDatabrainError(reason));
        },
      ),
    };
    return fetching;
  }

  // A token to use, from the source or another tab: held, scheduled, then the app is told.
  function receive(next: HeldToken, arrival: 'request done' | 'offered'): void {
    setHeld(next);
    failure = null;
    // A token offered while this tab is fetching does not end the request:
    // the request's own outcome moves the session on.
    if (arrival === 'offered' && phase.name === 'fetching') publish();
    else enter('scheduled');
    const { token, expiresAt, receivedFrom } = next;
    notify('onTokenRefresh', settings.onTokenRefresh, { token, expiresAt, receivedFrom });
  }

  function fail(error: DatabrainError): void {
    // Once per distinct failure, not once per retry.
    if (error.message !== failure?.error.message) logFailure(error);
    failure = { error, count: (failure?.count ?? 0) + 1 };
    enter(error.code === 'TOKEN_LIFETIME' ? 'halted' : 'retrying');
    notify('onError', settings.onError, error);
  }

  function onOffer({ token, expiresIn }: OfferedToken): void {
    if (phase.name === 'idle') return;
    const offered = holdFor(token, expiresIn, 'another-tab');
    // Only a token that lives longer than the one held replaces it.
    if (held && (held.token === token || (held.expiresAt ?? Infinity) >= (offered.expiresAt ?? Infinity)))
      return;
    receive(offered, 'offered');
  }

  function onWake(): void {
    if (held?.expiresAt != null && Date.now() >= held.expiresAt) {
      setHeld(null);
      publish();
    }
    if (phase.name === 'scheduled' && isDue()) enter('fetching');
  }

  function start(): void {
    const browser = environment ?? browserEnvironment();
    if (shareName !== undefined) {
      tabs = createTabCoordinator({
        name: shareName,
        environment: browser,
        onOffer,
        tokenToOffer: () =>
          held && !isDue() ? { token: held.token, expiresIn: remainingLifetime(held) } : null,
      });
    }
    stopWakeUps = browser.listenForWakeUps(onWake);
    if (held?.expiresAt != null && Date.now() >= held.expiresAt) setHeld(null);
    enter(isDue() ? 'fetching' : 'scheduled');
    // Now that the session runs, the token held (an initial one) gets its expiry timer.
    setHeld(held);
  }

  function stop(): void {
    enter('idle');
    tabs?.close();
    tabs = undefined;
    stopWakeUps();
    stopWakeUps = noTimer;
    setHeld(null);
    failure = null;
    publish();
  }

  const initial = options.initialToken;
  if (initial && (initial.expiresIn === null || initial.expiresIn >= SHORTEST_LIFETIME_MS)) {
    held = holdFor(initial.token, initial.expiresIn, 'this-tab');
    snapshot = snapshotOf();
  }

  function refresh(): Promise<void> {
    if (phase.name === 'idle') return Promise.resolve();
    // Due now, so that the tabs' checks agree that a token is needed.
    if (held) setHeld({ ...held, refreshAt: Date.now() });
    if (phase.name !== 'fetching') enter('fetching');
    return phase.name === 'fetching' ? phase.done : Promise.resolve();
  }

  return {
    getSnapshot: () => snapshot,
    subscribe: (listener) => {
      listeners.add(listener);
      if (phase.name === 'idle') start();
      return () => {
        listeners.delete(listener);
        // Deferred: StrictMode unsubscribes and subscribes again at once,
        // which must not cancel the request the two share.
        queueMicrotask(() => {
          if (listeners.size === 0 && phase.name !== 'idle') stop();
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
