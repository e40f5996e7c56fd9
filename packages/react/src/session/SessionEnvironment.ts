/**
 * What one tab says to the others on a session's channel: `ask` (does any
 * tab hold a valid token?) and `token` (here is one, with what is left of
 * its lifetime, in ms, or `null` when it never expires).
 */
export type TabMessage = { type: 'ask' } | { type: 'token'; token: string; expiresIn: number | null };

/** A channel to the other tabs, open until `close()`. */
export interface TabChannel {
  post(message: TabMessage): void;
  close(): void;
}

/**
 * The browser APIs a token session uses, in one place so that tests can
 * stand in for them and so that a missing one (server rendering, jsdom, an
 * old browser) turns cross-tab sharing off instead of failing.
 *
 * @example
 * ```ts
 * const environment: SessionEnvironment = browserEnvironment();
 * const stop = environment.listenForWakeUps(() => console.info('the tab is back'));
 * ```
 */
export interface SessionEnvironment {
  /**
   * Runs `task` while holding the lock `name`, shared by every tab of the
   * origin; rejects without running it when `signal` aborts first.
   * `undefined` when the browser has no Web Locks.
   */
  readonly requestLock:
    | ((name: string, signal: AbortSignal, task: () => Promise<void>) => Promise<void>)
    | undefined;
  /**
   * Counts this origin's tabs that joined `name` (this one included) until
   * `signal` aborts, and tells how many there are now. `undefined` when the
   * browser has no Web Locks.
   */
  readonly joinTabs:
    | ((name: string, signal: AbortSignal) => { readonly count: () => Promise<number> })
    | undefined;
  /** Opens a channel to the other tabs; `undefined` when the browser has no BroadcastChannel. */
  readonly openChannel: ((name: string, onMessage: (message: unknown) => void) => TabChannel) | undefined;
  /** Calls `onWake` when the tab becomes visible, gains focus or goes back online; returns a remover. */
  readonly listenForWakeUps: (onWake: () => void) => () => void;
}

/**
 * The real browser's APIs, each `undefined` (or a no-op) where it is missing.
 *
 * @example
 * ```ts
 * const { requestLock, openChannel } = browserEnvironment();
 * const canShare = requestLock !== undefined && openChannel !== undefined;
 * ```
 */
export function browserEnvironment(): SessionEnvironment {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return {
    requestLock: locks ? (name, signal, task) => locks.request(name, { signal }, task) : undefined,
    // A shared lock per tab, held until the signal aborts: the lock manager
    // then knows who is here, and forgets a tab that closes or crashes.
    joinTabs: locks
      ? (name, signal) => {
          locks
            .request(
              name,
              { mode: 'shared', signal },
              () => new Promise((resolve) => signal.addEventListener('abort', resolve)),
            )
            .catch(() => {});
          return {
            count: async () => {
              const { held = [], pending = [] } = await locks.query();
              return [...held, ...pending].filter((lock) => lock.name === name).length;
            },
          };
        }
      : undefined,
    openChannel:
      typeof BroadcastChannel === 'function'
        ? (name, onMessage) => {
            const channel = new BroadcastChannel(name);
            channel.onmessage = (event) => onMessage(event.data);
            return { post: (message) => channel.postMessage(message), close: () => channel.close() };
          }
        : undefined,
    // Listeners removed one by one rather than through an AbortSignal: where
    // the DOM comes from another realm than AbortController (jsdom set up by
    // hand in Node), addEventListener refuses a foreign signal.
    listenForWakeUps: (onWake) => {
      if (typeof window === 'undefined') return () => {};
      const onVisible = (): void => {
        if (document.visibilityState === 'visible') onWake();
      };
      document.addEventListener('visibilitychange', onVisible);
      window.addEventListener('focus', onWake);
      window.addEventListener('online', onWake);
      return () => {
        document.removeEventListener('visibilitychange', onVisible);
        window.removeEventListener('focus', onWake);
        window.removeEventListener('online', onWake);
      };
    },
  };
}
