import type { SessionEnvironment } from '../session/SessionEnvironment.ts';

/** One tab of a {@link fakeBrowser}: its environment and a way to wake it. */
export interface FakeTab {
  readonly environment: SessionEnvironment;
  /** What the browser does when the tab becomes visible, gains focus or goes online. */
  wake(): void;
}

interface LockRequest {
  task: () => Promise<void>;
  resolve: () => void;
  reject: (reason: unknown) => void;
}

/**
 * A stand-in for the Web Locks and BroadcastChannel of one browser profile,
 * shared by the tabs it opens: locks are granted one holder at a time in
 * request order, and a message reaches every other channel of the same name
 * a microtask later (never its sender), as in a browser, or `deliveryDelayMs`
 * later, as in busy tabs.
 */
export function fakeBrowser({ deliveryDelayMs = 0 }: { deliveryDelayMs?: number } = {}): {
  /**
   * Opens a tab. `sharing: false`: a browser without Web Locks and
   * BroadcastChannel. `countableTabs: false`: the lock manager cannot say
   * how many tabs are there (its query fails).
   */
  openTab(options?: { sharing?: boolean; countableTabs?: boolean }): FakeTab;
  /** Takes a lock and never gives it back, as a tab frozen mid-refresh does. */
  holdLockForever(name: string): void;
  /** Every message posted so far, in order. */
  readonly messages: unknown[];
} {
  const receivers = new Map<string, Set<(message: unknown) => void>>();
  const queues = new Map<string, LockRequest[]>();
  const messages: unknown[] = [];
  const present = new Map<string, number>();

  const grantNext = (name: string): void => {
    const holder = queues.get(name)?.[0];
    if (!holder) return;
    Promise.resolve()
      .then(holder.task)
      .then(holder.resolve, holder.reject)
      .finally(() => {
        queues.get(name)?.shift();
        grantNext(name);
      });
  };

  const requestLock: NonNullable<SessionEnvironment['requestLock']> = (name, signal, task) =>
    new Promise((resolve, reject) => {
      const queue = queues.get(name) ?? [];
      queues.set(name, queue);
      const request: LockRequest = { task, resolve, reject };
      signal.addEventListener('abort', () => {
        const index = queue.indexOf(request);
        // Only a request still waiting can be taken back.
        if (index > 0) {
          queue.splice(index, 1);
          reject(new DOMException('The lock request was aborted.', 'AbortError'));
        }
      });
      queue.push(request);
      if (queue.length === 1) grantNext(name);
    });

  return {
    messages,
    holdLockForever(name) {
      queues.set(name, [{ task: () => new Promise(() => {}), resolve: () => {}, reject: () => {} }]);
    },
    openTab({ sharing = true, countableTabs = true } = {}) {
      const wakeListeners = new Set<() => void>();
      const environment: SessionEnvironment = {
        requestLock: sharing ? requestLock : undefined,
        joinTabs: sharing
          ? (name, signal) => {
              present.set(name, (present.get(name) ?? 0) + 1);
              signal.addEventListener('abort', () => present.set(name, (present.get(name) ?? 1) - 1));
              return {
                count: async () => {
                  if (!countableTabs)
                    throw new DOMException('The lock manager is unavailable.', 'InvalidStateError');
                  return present.get(name) ?? 0;
                },
              };
            }
          : undefined,
        openChannel: sharing
          ? (name, onMessage) => {
              const named = receivers.get(name) ?? new Set();
              receivers.set(name, named);
              named.add(onMessage);
              return {
                post: (message) => {
                  messages.push(message);
                  for (const receiver of named) {
                    if (receiver === onMessage) continue;
                    const deliver = (): void => receiver(structuredClone(message));
                    // A busy tab reads its messages late.
                    if (deliveryDelayMs > 0) setTimeout(deliver, deliveryDelayMs);
                    else queueMicrotask(deliver);
                  }
                },
                close: () => named.delete(onMessage),
              };
            }
          : undefined,
        listenForWakeUps: (onWake) => {
          wakeListeners.add(onWake);
          return () => wakeListeners.delete(onWake);
        },
      };
      return {
        environment,
        wake: () => {
          for (const listener of wakeListeners) listener();
        },
      };
    },
  };
}
