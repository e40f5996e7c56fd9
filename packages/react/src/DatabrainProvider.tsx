import { type ReactElement, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import useSWR, { type State, SWRConfig, type SWRConfiguration } from 'swr';
import { DatabrainContext, type DatabrainContextValue } from './DatabrainContext.ts';
import type { ElementsLoader } from './ElementsLoader.ts';
import { fail } from './fail.ts';
import { fetchTokenFromEndpoint } from './fetchTokenFromEndpoint.ts';
import { importDatabrainPlugin } from './loadElements.ts';
import { parseTokenEndpointResponse } from './parseTokenEndpointResponse.ts';
import type { TokenEndpointResponse } from './TokenEndpointResponse.ts';

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

/**
 * A token as stored: expiry measured from its arrival, never from another
 * machine's clock, and `d`, when to fetch the next one (0 once a refresh is
 * forced, so that retries ask the source too).
 */
interface StoredToken extends ReceivedToken {
  d: number;
}

/**
 * What one provider creates once: its SWR config, token cache, the abort
 * controller of each scope's latest request, elements loader, and the
 * fetcher that asks a scope's token source.
 */
type Shared = [
  config: () => SWRConfiguration<StoredToken, Error>,
  cache: Map<string, State<StoredToken>>,
  controllers: Map<string, AbortController>,
  loader: ElementsLoader,
  fetcher: (key: string, source: DatabrainProviderProps) => Promise<StoredToken>,
];

// Never empty: SWR fetches nothing for an empty key.
const keyOf = (scope: string | undefined): string => `@${scope ?? ''}`;

function TokenSource({
  props,
  shared: [, cache, controllers, loader, fetcher],
}: {
  props: DatabrainProviderProps;
  shared: Shared;
}): ReactElement {
  const key = keyOf(props.scope);
  // SWR takes a hook's fetcher and options when its render commits, before it
  // fetches for a new key. So every request of a scope (its first, refreshes
  // and retries, also while a switch to another user is still rendering) asks
  // the source that scope was committed with, and waits for that scope's
  // token to be due (see the provider's config).
  const { data, error, isValidating, mutate } = useSWR<StoredToken, Error>(
    key,
    (requested: string) => fetcher(requested, props),
    { isVisible: () => !(Date.now() < (cache.get(key)?.data?.d as number)) },
  );

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
        controllers.get(key)?.abort();
        cache.delete(key);
      });
    };
  }, [key, cache, controllers]);

  // SWR schedules the refresh (`refreshInterval`); this re-renders at expiry so
  // that an expired token stops being handed out.
  const expiresAt = data ? data.expiresAt : null;
  const [, rerender] = useState<object>();
  useEffect(() => {
    if (expiresAt) {
      const timer = setTimeout(rerender, expiresAt - Date.now(), {});
      return () => clearTimeout(timer);
    }
  }, [expiresAt]);

  const token = data && Date.now() < (expiresAt ?? Infinity) ? data.token : null;
  const value = useMemo<DatabrainContextValue>(() => {
    // Marks the token due, so that retries keep asking the source, and fetches now.
    // Given the token an element reports expired, only while that token is held
    // and not already being replaced: one forced refresh per token, so that a
    // backend handing out bad tokens cannot cause a request loop.
    const force = (expired?: string): Promise<unknown> | undefined => {
      const stored = cache.get(key)?.data;
      if (expired && (stored?.token !== expired || !stored.d)) return;
      if (stored) stored.d = 0;
      return mutate();
    };
    return [
      {
        token,
        expiresAt: token ? expiresAt : null,
        error: error ?? null,
        status: token ? 'ready' : error ? 'error' : 'loading',
        isRefreshing: !!token && isValidating,
        refresh: async () => {
          await force();
        },
      },
      loader,
      force,
    ];
  }, [key, cache, mutate, token, expiresAt, error, isValidating, loader]);
  return <DatabrainContext.Provider value={value}>{props.children}</DatabrainContext.Provider>;
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
  // The elements loader of the latest render.
  latest.current = props;
  const [shared] = useState((): Shared => {
    const controllers: Shared[2] = new Map();
    const received = (
      { token, expiresIn }: TokenEndpointResponse,
      { refreshMargin }: DatabrainProviderProps,
    ): StoredToken => {
      const lifetime = expiresIn as number;
      const expiresAt = expiresIn === null ? null : Date.now() + lifetime;
      return {
        token,
        expiresAt,
        // Infinity for a token that never expires (its lifetime reads as 0 here).
        d:
          (expiresAt ?? Infinity) -
          Math.min(Math.max(0, refreshMargin ?? Math.min(60_000, lifetime / 5)), lifetime),
      };
    };
    // Each provider its own cache, seeded with a token minted during server rendering.
    const cache: Shared[1] = new Map();
    if (props.initialToken) {
      cache.set(keyOf(props.scope), {
        data: received(parseTokenEndpointResponse(props.initialToken, 'initialToken'), props),
      });
    }
    const fetcher: Shared[4] = (key, source) => {
      const controller = new AbortController();
      const { signal } = controller;
      controllers.set(key, controller);
      const { fetchToken, tokenEndpoint } = source;
      return (
        fetchToken
          ? Promise.resolve(signal)
              .then(fetchToken)
              .then((response) => parseTokenEndpointResponse(response, 'fetchToken()'))
          : fetchTokenFromEndpoint(tokenEndpoint as string, signal)
      ).then(
        (response) => {
          signal.throwIfAborted();
          const next = received(response, source);
          source.onTokenRefresh?.({ token: next.token, expiresAt: next.expiresAt });
          return next;
        },
        (reason: unknown) => {
          signal.throwIfAborted();
          const error =
            reason instanceof Error ? reason : fail('TOKEN_SOURCE', 'The token source failed.', reason);
          source.onError?.(error);
          throw error;
        },
      );
    };
    // A function, so that an app-wide <SWRConfig> above cannot change how the token is kept.
    const config = (): SWRConfiguration<StoredToken, Error> => ({
      provider: () => cache,
      // A token is fetched when due, not whenever SWR deems it stale.
      revalidateIfStale: false,
      // SWR revalidates on focus, visibility and reconnection, and on its
      // interval, only while "visible": each hook sets `isVisible` to "its
      // token is due (or missing)". Hidden tabs thus refresh on schedule too,
      // and a woken laptop fetches at once.
      // A settled request is never reused: each revalidation that is let through fetches.
      dedupingInterval: 0,
      // Wake exactly at the due time (within a timer's reach). Once it has
      // passed, or before the first token, look again every second: SWR stops
      // its interval for a zero delay.
      refreshInterval: (stored) => {
        const wait = (stored?.d ?? 0) - Date.now();
        return wait > 0 ? Math.min(wait, 2 ** 31 - 1) : 1000;
      },
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
    return [config, cache, controllers, loader, fetcher];
  });
  return (
    <SWRConfig value={shared[0]}>
      <TokenSource props={props} shared={shared} />
    </SWRConfig>
  );
}
