import type { SessionEnvironment, TabChannel, TabMessage } from './SessionEnvironment.ts';
import type { TokenEndpointResponse } from './TokenEndpointResponse.ts';

/** A token that lives less than this would expire before an element could use it. */
export const SHORTEST_LIFETIME_MS = 1_000;
/**
 * How long a tab without a token waits for another tab to offer one before
 * it asks the source, when other tabs are there: long enough for a busy tab
 * to answer. The wait ends as soon as no token is needed any more; a tab
 * alone does not wait.
 */
const ASK_WAIT_MS = 1_000;
/**
 * After waiting for the lock: how long to let the broadcast of the tab that
 * held it arrive (a lock can be granted before that message is delivered).
 */
const SETTLE_WAIT_MS = 150;
/** How long a tab waits for the tab holding the lock; a frozen or hung tab must not stall it longer. */
const LOCK_WAIT_MS = 5_000;

/**
 * A token passed between tabs: the token and what is left of its lifetime,
 * in ms (`null` when it never expires), the shape a token source answers.
 */
export type OfferedToken = TokenEndpointResponse;

/** What the coordinator needs from the session that owns it. */
export interface TabCoordinatorOptions {
  /** Sessions with this name share a token; it names the lock, the channel and the tab count. */
  readonly name: string;
  readonly environment: SessionEnvironment;
  /** A valid token another tab offered; the session decides whether to use it. */
  readonly onOffer: (offered: OfferedToken) => void;
  /** The token this tab can offer when another asks (`null`: none, or one that is due). */
  readonly tokenToOffer: () => OfferedToken | null;
}

/** How the session asks for a token through the coordinator. */
export interface TokenRequest {
  /** Whether this tab holds a token (even a due one): a tab without one asks the others first. */
  readonly holdsToken: boolean;
  /** Whether a token is still needed; a token another tab offered may have made it unneeded. */
  readonly stillNeeded: () => boolean;
  /** Asks the token source (and offers its answer to the other tabs, so they have it before the lock is released). */
  readonly fetchFromSource: (signal: AbortSignal) => Promise<OfferedToken>;
}

/**
 * One token for the tabs of an origin that share a name: who asks the token
 * source, and how a token goes from one tab to the others.
 *
 * @example
 * ```ts
 * const fresh = await tabs.obtain(signal, { holdsToken: false, stillNeeded, fetchFromSource });
 * ```
 */
export interface TabCoordinator {
  /**
   * Obtains a token under the lock: a tab without a token first asks the
   * others and waits a moment for an offer; then, holding the lock (or once
   * the wait for it is over), it lets a token just broadcast by the previous
   * holder arrive, and asks the source only if a token is still needed.
   * Resolves with the source's answer, or `null` when another tab's token
   * made the request unneeded. Rejects with the source's failure, or when
   * `signal` aborts.
   */
  obtain(signal: AbortSignal, request: TokenRequest): Promise<OfferedToken | null>;
  /** Offers a token to the other tabs, with what is left of its lifetime. */
  offer(token: OfferedToken): void;
  /** Leaves the other tabs: closes the channel and stops being counted. */
  close(): void;
}

// Resolves after `ms`, or at once when `signal` aborts.
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

// Whether `message` is a token offer worth taking: a non-empty token that lives long enough.
function isOffer(message: unknown): message is { type: 'token' } & OfferedToken {
  const { type, token, expiresIn } = Object(message) as Record<string, unknown>;
  return (
    type === 'token' &&
    typeof token === 'string' &&
    token !== '' &&
    (expiresIn === null || (typeof expiresIn === 'number' && expiresIn >= SHORTEST_LIFETIME_MS))
  );
}

/**
 * Coordinates the tabs of an origin through a Web Lock and a
 * BroadcastChannel, both named after `name`, so that the tab holding the
 * lock asks the token source and the others take its token. Every wait is
 * bounded. Returns `undefined` when the environment lacks either API: each
 * tab then asks for its own token.
 *
 * @example
 * ```ts
 * const tabs = createTabCoordinator({ name, environment, onOffer: adopt, tokenToOffer });
 * tabs?.offer({ token, expiresIn: 3_600_000 });
 * ```
 */
export function createTabCoordinator(options: TabCoordinatorOptions): TabCoordinator | undefined {
  const { name, environment, onOffer, tokenToOffer } = options;
  const { requestLock, openChannel, joinTabs } = environment;
  if (!requestLock || !openChannel) return undefined;
  const lock = requestLock;

  // Woken by every offer, so that a wait ends once a token is no longer needed.
  const offerWaiters = new Set<() => void>();
  const channel: TabChannel = openChannel(`databrain-embed:token:${name}`, (message) => {
    if (Object(message).type === 'ask') {
      const token = tokenToOffer();
      if (token) send({ type: 'token', ...token });
    } else if (isOffer(message)) {
      onOffer({ token: message.token, expiresIn: message.expiresIn });
      for (const wake of offerWaiters) wake();
    }
  });
  const send = (message: TabMessage): void => channel.post(message);
  const leave = new AbortController();
  const countTabs = joinTabs?.(`databrain-embed:tabs:${name}`, leave.signal).count;

  // Whether another tab of this name may be there to answer. When the lock
  // manager cannot say, assume one may: asking costs at most the wait, a
  // wrong "alone" costs a request to the token source.
  async function othersMayAnswer(): Promise<boolean> {
    if (!countTabs) return true;
    return countTabs().then(
      (tabs) => tabs > 1,
      () => true,
    );
  }

  // Asks the other tabs for a valid token and waits up to `ms` while one is
  // still needed; returns at once when this tab is alone.
  async function askOthers(ms: number, signal: AbortSignal, stillNeeded: () => boolean): Promise<void> {
    if (!(await othersMayAnswer())) return;
    signal.throwIfAborted();
    const waited = new AbortController();
    const stopWaiting = (): void => waited.abort();
    const onOfferArrived = (): void => {
      if (!stillNeeded()) stopWaiting();
    };
    signal.addEventListener('abort', stopWaiting);
    offerWaiters.add(onOfferArrived);
    try {
      send({ type: 'ask' });
      await pause(ms, waited.signal);
    } finally {
      offerWaiters.delete(onOfferArrived);
      signal.removeEventListener('abort', stopWaiting);
    }
    signal.throwIfAborted();
  }

  // Runs `task` holding the lock, or without it once the wait is over: a tab
  // that holds it but was frozen or hangs must not stall this one.
  async function withLock<T>(signal: AbortSignal, task: () => Promise<T>): Promise<T> {
    const waiting = new AbortController();
    const giveUp = setTimeout(() => waiting.abort(), LOCK_WAIT_MS);
    const stopWaiting = (): void => waiting.abort();
    signal.addEventListener('abort', stopWaiting);
    let ran = false;
    let result: T | undefined;
    try {
      await lock(`databrain-embed:token:${name}`, waiting.signal, async () => {
        ran = true;
        clearTimeout(giveUp);
        result = await task();
      });
    } catch (reason) {
      // The task's own failure; otherwise the wait was given up.
      if (ran) throw reason;
    } finally {
      clearTimeout(giveUp);
      signal.removeEventListener('abort', stopWaiting);
    }
    signal.throwIfAborted();
    return ran ? (result as T) : task();
  }

  return {
    async obtain(signal, { holdsToken, stillNeeded, fetchFromSource }) {
      if (!holdsToken) {
        await askOthers(ASK_WAIT_MS, signal, stillNeeded);
        if (!stillNeeded()) return null;
      }
      return withLock(signal, async () => {
        // The tab that held the lock before may have just refreshed, and its
        // broadcast may still be on its way.
        if (stillNeeded()) await askOthers(SETTLE_WAIT_MS, signal, stillNeeded);
        return stillNeeded() ? fetchFromSource(signal) : null;
      });
    },
    offer: (token) => send({ type: 'token', ...token }),
    close() {
      channel.close();
      leave.abort();
    },
  };
}
