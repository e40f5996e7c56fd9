import { type ReactElement, type ReactNode, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import useSWR, { type State, SWRConfig, type SWRConfiguration } from 'swr';
import { DatabrainContext, type DatabrainContextValue } from './DatabrainContext.ts';
import type { ElementsLoader } from './ElementsLoader.ts';
import { fail } from './fail.ts';
import { fetchTokenFromEndpoint } from './fetchTokenFromEndpoint.ts';
import { importDatabrainPlugin } from './loadElements.ts';
import { parseTokenEndpointResponse } from './parseTokenEndpointResponse.ts';
import type { TokenEndpointResponse } from './TokenEndpointResponse.ts';
import { useIsomorphicLayoutEffect } from './useIsomorphicLayoutEffect.ts';

/**
 * A function that gets a guest token from anywhere (the app's own API
 * client, a server action…). Honour `signal`: it aborts when the token is no
 * longer wanted (the `scope` changed or the provider unmounted).
 *
 * @example
 * ```ts
 * import type { FetchToken } from '@databrain-embed/react';
 * const fetchToken: FetchToken = (signal) =>
 *   fetch('/api/databrain/token', { method: 'POST', signal }).then((r) => r.json());
 * ```
 */
export type FetchToken = (signal: AbortSignal) => Promise<TokenEndpointResponse>;

/**
 * A token as the provider received it, given to `onTokenRefresh`.
 *
 * @example
 * ```ts
 * import type { ReceivedToken } from '@databrain-embed/react';
 * const log = ({ expiresAt }: ReceivedToken) => console.info('token until', expiresAt);
 * ```
 */
export interface ReceivedToken {
  token: string;
  /** Ms since the epoch by this browser's clock; `null` = never expires. */
  expiresAt: number | null;
}

interface ProviderOptions {
  children?: ReactNode;
  /** A token minted during server rendering, so the first render needs no round trip. */
  initialToken?: TokenEndpointResponse;
  /** Ms before expiry to fetch the next token. Default: the smaller of 60 s and a fifth of the lifetime. */
  refreshMargin?: number;
  /** Loads the DataBrain elements. Default: `import('@databrainhq/plugin/web')` at run time. */
  loadElements?: ElementsLoader;
  /** Who the token is for (e.g. the signed-in user's id). A change drops the old token at once. */
  scope?: string;
  /** Called with every token received from the source. */
  onTokenRefresh?: (token: ReceivedToken) => void;
  /** Called with every failure of the token source. */
  onError?: (error: Error) => void;
}

/**
 * Props of {@link DatabrainProvider}: exactly one token source, `tokenEndpoint`
 * (the app's own backend) or `fetchToken`, plus options.
 *
 * @example
 * ```ts
 * import type { DatabrainProviderProps } from '@databrain-embed/react';
 * const props: DatabrainProviderProps = { tokenEndpoint: '/api/databrain/token', scope: user.id };
 * ```
 */
export type DatabrainProviderProps = ProviderOptions &
  (
    | {
        /** URL of the app's endpoint: `POST`, same-origin cookies, answers `{ token, expiresIn }`. */
        tokenEndpoint: string;
        fetchToken?: never;
      }
    | { fetchToken: FetchToken; tokenEndpoint?: never }
  );

/** A token as stored: expiry measured from its arrival, never from another machine's clock. */
interface StoredToken extends TokenEndpointResponse {
  expiresAt: number | null;
}

const keyFor = (scope: string | undefined): string => `@databrain-embed/guest-token:${scope ?? ''}`;

const received = (response: TokenEndpointResponse): StoredToken => ({
  ...response,
  expiresAt: response.expiresIn === null ? null : Date.now() + response.expiresIn,
});

// Browsers fire a longer setTimeout at once (the delay overflows a signed 32-bit integer).
const MAX_DELAY = 2 ** 31 - 1;

/**
 * What one provider creates once: its SWR config, token cache, requests on the
 * wire, elements loader, and the token source of each scope's key.
 */
type Shared = [
  config: () => SWRConfiguration<StoredToken, Error>,
  cache: Map<string, State>,
  requests: Map<string, [Promise<StoredToken>, AbortController]>,
  loader: ElementsLoader,
  sources: Map<string, DatabrainProviderProps>,
];

function TokenSource({
  props,
  shared: [, cache, requests, loader, sources],
}: {
  props: DatabrainProviderProps;
  shared: Shared;
}): ReactElement {
  const { children, scope, refreshMargin } = props;
  const key = keyFor(scope);
  // Bound to the key before SWR may fetch for it: when the user and the token
  // endpoint change together, the new scope's first request must already go to
  // the new endpoint (effects run too late for that).
  sources.set(key, props);
  const { data, error, isValidating, mutate } = useSWR<StoredToken, Error>(key);

  // Drop a scope's token as soon as the scope changes (or the provider goes).
  // Deferred by a microtask so StrictMode's simulated unmount, which re-runs
  // the effect synchronously, does not cancel the request it is about to share.
  const activeKey = useRef<string | null>(null);
  useEffect(() => {
    activeKey.current = key;
    return () => {
      activeKey.current = null;
      queueMicrotask(() => {
        if (activeKey.current === key) return;
        requests.get(key)?.[1].abort();
        requests.delete(key);
        cache.delete(key);
        sources.delete(key);
      });
    };
  }, [key, cache, requests, sources]);

  // Refresh `refreshMargin` before expiry (default: the smaller of 60 s and a
  // fifth of the lifetime) and re-render at expiry, so the token stops being
  // handed out. Timers sleep with laptops: on waking, re-arm them so whatever
  // fell due meanwhile happens now, and fetch at once if there is no token.
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  useEffect(() => {
    let timers: ReturnType<typeof setTimeout>[] = [];
    // Calls `callback` once the clock reaches `time`, even beyond a single timer's reach.
    const at = (time: number, callback: () => void): void => {
      const delay = time - Date.now();
      timers.push(
        setTimeout(delay > MAX_DELAY ? () => at(time, callback) : callback, Math.min(delay, MAX_DELAY)),
      );
    };
    const arm = (): void => {
      for (const timer of timers) clearTimeout(timer);
      timers = [];
      if (data?.expiresAt == null || data.expiresIn === null) return;
      const { expiresIn, expiresAt } = data;
      at(
        expiresAt - Math.min(Math.max(0, refreshMargin ?? Math.min(60_000, expiresIn / 5)), expiresIn),
        mutate,
      );
      at(expiresAt, rerender);
    };
    const wake = (): void => {
      if (document.visibilityState === 'hidden') return;
      if (data) arm();
      else void mutate();
    };
    arm();
    // A document's visibilitychange bubbles to the window.
    const events = ['focus', 'online', 'visibilitychange'];
    for (const type of events) window.addEventListener(type, wake);
    return () => {
      for (const type of events) window.removeEventListener(type, wake);
      for (const timer of timers) clearTimeout(timer);
    };
  }, [data, refreshMargin, mutate]);

  const expiredToken = useRef<string | null>(null);
  const [refresh, reportTokenExpired] = useMemo(
    () => [
      async (): Promise<void> => {
        await mutate();
      },
      (expired: string): void => {
        // One forced refresh per token: a backend handing out bad tokens must not cause a request loop.
        if (expiredToken.current === expired) return;
        expiredToken.current = expired;
        void mutate();
      },
    ],
    [mutate],
  );

  const expiresAt = data ? data.expiresAt : null;
  const token = data && (expiresAt === null || Date.now() < expiresAt) ? data.token : null;
  const value = useMemo<DatabrainContextValue>(
    () => [
      {
        token,
        expiresAt: token === null ? null : expiresAt,
        error: error ?? null,
        status: token !== null ? 'ready' : error ? 'error' : 'loading',
        isRefreshing: token !== null && isValidating,
        refresh,
      },
      loader,
      reportTokenExpired,
    ],
    [token, expiresAt, error, isValidating, refresh, loader, reportTokenExpired],
  );
  return <DatabrainContext.Provider value={value}>{children}</DatabrainContext.Provider>;
}

/**
 * Holds the guest token for every DataBrain embed beneath it: fetches it
 * once, shares it, refreshes it before it expires, and loads the DataBrain
 * elements on first use. Each provider has its own token cache.
 *
 * @example
 * ```tsx
 * import { Dashboard, DatabrainProvider, Metric } from '@databrain-embed/react';
 *
 * export function Analytics({ userId }: { userId: string }) {
 *   return (
 *     <DatabrainProvider tokenEndpoint="/api/databrain/token" scope={userId}>
 *       <Dashboard dashboardId="sales-overview" />
 *       <Metric metricId="revenue" width={480} height={320} />
 *     </DatabrainProvider>
 *   );
 * }
 * ```
 */
export function DatabrainProvider(props: DatabrainProviderProps): ReactElement {
  const latest = useRef(props);
  useIsomorphicLayoutEffect(() => {
    latest.current = props;
  });
  const [shared] = useState((): Shared => {
    const requests: Shared[2] = new Map();
    const sources: Shared[4] = new Map();
    // Each provider its own cache, seeded with a token minted during server rendering.
    const cache: Shared[1] = new Map(
      props.initialToken
        ? [
            [
              keyFor(props.scope),
              { data: received(parseTokenEndpointResponse(props.initialToken, 'The initialToken prop')) },
            ],
          ]
        : [],
    );
    // However many revalidations SWR starts for one key (mount, retry, forced
    // refresh, expiry signal), only one request per key is on the wire.
    const fetcher = (key: string): Promise<StoredToken> => {
      let request = requests.get(key);
      if (!request) {
        const controller = new AbortController();
        const { signal } = controller;
        const { fetchToken, tokenEndpoint } = sources.get(key) ?? latest.current;
        const promise = (
          fetchToken
            ? Promise.resolve()
                .then(() => fetchToken(signal))
                .then((response) => parseTokenEndpointResponse(response, 'fetchToken()'))
            : fetchTokenFromEndpoint(tokenEndpoint as string, signal)
        )
          .then(
            (response) => {
              signal.throwIfAborted();
              const stored = received(response);
              latest.current.onTokenRefresh?.({ token: stored.token, expiresAt: stored.expiresAt });
              return stored;
            },
            (reason: unknown) => {
              signal.throwIfAborted();
              const error =
                reason instanceof Error ? reason : fail('TOKEN_SOURCE', 'The token source failed.', reason);
              latest.current.onError?.(error);
              throw error;
            },
          )
          .finally(() => {
            if (requests.get(key)?.[1] === controller) requests.delete(key);
          });
        request = [promise, controller];
        requests.set(key, request);
      }
      return request[0];
    };
    // A function, so that an app-wide <SWRConfig> above cannot change how the token is kept.
    const config = (): SWRConfiguration<StoredToken, Error> => ({
      provider: () => cache,
      fetcher,
      // Focus, reconnect and expiry are handled by TokenSource: refetch only when the token is due.
      revalidateOnFocus: false,
      revalidateOnReconnect: false,
      revalidateIfStale: false,
      shouldRetryOnError: (reason) => reason.name !== 'AbortError',
      // 1 s, 2 s, 4 s … capped at 30 s; each delay is drawn from its upper half so
      // that many tabs failing together do not retry in lockstep. A retry that
      // fires after unmount finds no revalidator and does nothing.
      onErrorRetry: (_error, _key, _config, revalidate, options) => {
        setTimeout(
          revalidate,
          (Math.min(500 * 2 ** options.retryCount, 30_000) * (1 + Math.random())) / 2,
          options,
        );
      },
    });
    const loader = (): Promise<unknown> => (latest.current.loadElements ?? importDatabrainPlugin)();
    return [config, cache, requests, loader, sources];
  });
  return (
    <SWRConfig value={shared[0]}>
      <TokenSource props={props} shared={shared} />
    </SWRConfig>
  );
}
