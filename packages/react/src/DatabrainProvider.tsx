import {
  type ReactElement,
  type ReactNode,
  useCallback,
  useEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
} from 'react';
import useSWR, { type Cache, type State, SWRConfig, type SWRConfiguration, useSWRConfig } from 'swr';
import { DatabrainContext, type DatabrainContextValue } from './DatabrainContext.ts';
import type { ElementsLoader } from './ElementsLoader.ts';
import { fetchTokenFromEndpoint } from './fetchTokenFromEndpoint.ts';
import type { GuestTokenState, GuestTokenStatus } from './GuestTokenState.ts';
import { importDatabrainPlugin } from './loadElements.ts';
import { parseTokenEndpointResponse } from './parseTokenEndpointResponse.ts';
import { refreshMarginFor } from './refreshMarginFor.ts';
import { scheduleAt } from './scheduleAt.ts';
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

interface StoredToken {
  token: string;
  expiresIn: number | null;
  /** `Date.now()` on arrival: expiry is measured from here, never from another machine's clock. */
  receivedAt: number;
}

interface TokenSources {
  tokenEndpoint?: string | undefined;
  fetchToken?: FetchToken | undefined;
  onTokenRefresh?: ((token: ReceivedToken) => void) | undefined;
  onError?: ((error: Error) => void) | undefined;
}

const KEY_PREFIX = '@databrain-embed/guest-token:';
const MAX_RETRY_DELAY = 30_000;

function tokenKey(scope: string | undefined): string {
  return KEY_PREFIX + (scope ?? '');
}

function received(response: TokenEndpointResponse): StoredToken {
  return { token: response.token, expiresIn: response.expiresIn, receivedAt: Date.now() };
}

function expiryOf(stored: StoredToken): number | null {
  return stored.expiresIn === null ? null : stored.receivedAt + stored.expiresIn;
}

function abortError(): Error {
  const error = new Error('[databrain-embed] The token request was cancelled.');
  error.name = 'AbortError';
  return error;
}

function toError(value: unknown): Error {
  return value instanceof Error
    ? value
    : new Error('[databrain-embed] The token source failed with a value that is not an Error.', {
        cause: value,
      });
}

// 1 s, 2 s, 4 s … capped at 30 s; each delay is drawn from its upper half so that
// many tabs failing together do not retry in lockstep.
function retryDelay(retryCount: number): number {
  const ceiling = Math.min(1000 * 2 ** Math.max(0, retryCount - 1), MAX_RETRY_DELAY);
  return ceiling / 2 + (Math.random() * ceiling) / 2;
}

function requestToken(sources: TokenSources, signal: AbortSignal): Promise<TokenEndpointResponse> {
  const { fetchToken, tokenEndpoint } = sources;
  if (fetchToken) {
    return Promise.resolve()
      .then(() => fetchToken(signal))
      .then((response) => parseTokenEndpointResponse(response, 'fetchToken()'));
  }
  if (typeof tokenEndpoint === 'string') return fetchTokenFromEndpoint(tokenEndpoint, signal);
  return Promise.reject(
    new Error(
      '[databrain-embed] <DatabrainProvider> needs a token source: pass tokenEndpoint or fetchToken.',
    ),
  );
}

function TokenSource({
  children,
  scope,
  refreshMargin,
  loadElements,
  initialToken: _initialToken,
  ...sources
}: DatabrainProviderProps): ReactElement {
  const key = tokenKey(scope);
  const { cache } = useSWRConfig();
  const latest = useRef<TokenSources>(sources);
  const latestLoader = useRef<ElementsLoader>(loadElements ?? importDatabrainPlugin);
  useIsomorphicLayoutEffect(() => {
    latest.current = sources;
    latestLoader.current = loadElements ?? importDatabrainPlugin;
  });

  const requests = useRef(new Map<string, { promise: Promise<StoredToken>; controller: AbortController }>());
  const retryTimers = useRef(new Set<ReturnType<typeof setTimeout>>());

  // However many revalidations SWR starts for one key (mount, retry, forced
  // refresh, expiry signal), only one request per key is on the wire.
  const fetcher = useCallback((requestKey: string): Promise<StoredToken> => {
    const inFlight = requests.current.get(requestKey);
    if (inFlight) return inFlight.promise;
    const controller = new AbortController();
    const promise = requestToken(latest.current, controller.signal)
      .then(
        (response) => {
          if (controller.signal.aborted) throw abortError();
          const stored = received(response);
          latest.current.onTokenRefresh?.({ token: stored.token, expiresAt: expiryOf(stored) });
          return stored;
        },
        (reason: unknown) => {
          if (controller.signal.aborted) throw abortError();
          const error = toError(reason);
          latest.current.onError?.(error);
          throw error;
        },
      )
      .finally(() => {
        if (requests.current.get(requestKey)?.controller === controller) requests.current.delete(requestKey);
      });
    requests.current.set(requestKey, { promise, controller });
    return promise;
  }, []);

  const options = useMemo<SWRConfiguration<StoredToken, Error>>(
    () => ({
      // Focus and reconnect are handled below: refetch only when the token is due.
      revalidateOnFocus: false,
      revalidateOnReconnect: false,
      revalidateIfStale: false,
      refreshInterval: 0,
      suspense: false,
      keepPreviousData: false,
      shouldRetryOnError: (error) => error.name !== 'AbortError',
      onErrorRetry: (_error, _key, _config, revalidate, revalidateOptions) => {
        const timer = setTimeout(() => {
          retryTimers.current.delete(timer);
          void revalidate(revalidateOptions);
        }, retryDelay(revalidateOptions.retryCount));
        retryTimers.current.add(timer);
      },
    }),
    [],
  );

  const { data, error, isValidating, mutate } = useSWR<StoredToken, Error>(key, fetcher, options);

  const refresh = useCallback(async (): Promise<void> => {
    await mutate();
  }, [mutate]);

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
        requests.current.get(key)?.controller.abort();
        requests.current.delete(key);
        cache.delete(key);
      });
    };
  }, [key, cache]);

  useEffect(
    () => () => {
      for (const timer of retryTimers.current) clearTimeout(timer);
      retryTimers.current.clear();
    },
    [],
  );

  const [, rerender] = useReducer((count: number) => count + 1, 0);
  const expiresAt = data ? expiryOf(data) : null;
  const refreshAt =
    data && data.expiresIn !== null && expiresAt !== null
      ? expiresAt - refreshMarginFor(data.expiresIn, refreshMargin)
      : null;

  useEffect(
    () => (refreshAt === null ? undefined : scheduleAt(refreshAt, () => void mutate())),
    [refreshAt, mutate],
  );
  // Re-render when the token lapses, so it stops being handed out.
  useEffect(() => (expiresAt === null ? undefined : scheduleAt(expiresAt, rerender)), [expiresAt]);

  // Timers sleep with laptops: on return, refetch if the token is due by now.
  const onWake = useRef<() => void>(() => {});
  useIsomorphicLayoutEffect(() => {
    onWake.current = () => {
      const now = Date.now();
      if (data === undefined || (refreshAt !== null && now >= refreshAt)) void mutate();
      if (expiresAt !== null && now >= expiresAt) rerender();
    };
  });
  useEffect(() => {
    const wake = (): void => {
      if (document.visibilityState !== 'hidden') onWake.current();
    };
    window.addEventListener('focus', wake);
    window.addEventListener('online', wake);
    document.addEventListener('visibilitychange', wake);
    return () => {
      window.removeEventListener('focus', wake);
      window.removeEventListener('online', wake);
      document.removeEventListener('visibilitychange', wake);
    };
  }, []);

  const lastExpiredToken = useRef<string | null>(null);
  const reportTokenExpired = useCallback(
    (expired: string) => {
      // One forced refresh per token: a backend handing out bad tokens must not cause a request loop.
      if (lastExpiredToken.current === expired) return;
      lastExpiredToken.current = expired;
      void mutate();
    },
    [mutate],
  );

  const token = data !== undefined && (expiresAt === null || Date.now() < expiresAt) ? data.token : null;
  const status: GuestTokenStatus = token !== null ? 'ready' : error ? 'error' : 'loading';
  const state = useMemo<GuestTokenState>(
    () => ({
      token,
      expiresAt: token === null ? null : expiresAt,
      error: error ?? null,
      status,
      isRefreshing: token !== null && isValidating,
      refresh,
    }),
    [token, expiresAt, error, status, isValidating, refresh],
  );

  const loader = useCallback<ElementsLoader>(() => latestLoader.current(), []);
  const value = useMemo<DatabrainContextValue>(
    () => ({ state, loader, reportTokenExpired }),
    [state, loader, reportTokenExpired],
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
  const [config] = useState<SWRConfiguration>(() => {
    const seed = props.initialToken
      ? received(parseTokenEndpointResponse(props.initialToken, 'The initialToken prop'))
      : undefined;
    return {
      provider: (): Cache => {
        const cache = new Map<string, State>();
        if (seed) cache.set(tokenKey(props.scope), { data: seed });
        return cache;
      },
    };
  });
  return (
    <SWRConfig value={config}>
      <TokenSource {...props} />
    </SWRConfig>
  );
}
