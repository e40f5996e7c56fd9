import type { DatabrainError } from '@databrain-embed/core/errors';
import { type ReactElement, type ReactNode, useEffect, useMemo, useState } from 'react';
import { DatabrainContext, type DatabrainContextValue } from './DatabrainContext.ts';
import type { ElementsLoader } from './elements/loadElements.ts';
import {
  createTokenSession,
  type TokenSession,
  type TokenSessionOptions,
} from './session/createTokenSession.ts';
import type { FetchToken } from './session/FetchToken.ts';
import { parseTokenEndpointResponse } from './session/parseTokenEndpointResponse.ts';
import type { TokenEndpointResponse } from './session/TokenEndpointResponse.ts';
import type { ReceivedToken } from './session/TokenSessionState.ts';
import { tokenSourceOf } from './session/tokenSourceOf.ts';

interface ProviderOptions {
  children?: ReactNode;
  /** A token minted during server rendering, so the first render needs no round trip. */
  initialToken?: TokenEndpointResponse;
  /** Ms before expiry to fetch the next token, at most half the lifetime. Default: min(60 s, lifetime / 5). */
  refreshMargin?: number;
  /**
   * Loads the DataBrain elements, through `loadElements()` (once per page,
   * the styles isolated first). Default: `import('@databrainhq/plugin/web')`,
   * a lazy chunk.
   */
  loadElements?: ElementsLoader;
  /** Who the token is for (e.g. the signed-in user's id). A change drops the old token at once. */
  scope?: string;
  /**
   * Names the token source for tabs that share one token: tabs of this origin
   * whose providers have the same name and `scope` share it. Default: the
   * `tokenEndpoint` URL; a `fetchToken` function has no name, so it shares
   * only when given one. `false`: this tab always asks for its own token.
   */
  crossTabKey?: string | false;
  /**
   * Keeps DataBrain's global stylesheet from restyling the page: the
   * document keeps only its fonts and theme variables, each element keeps
   * the whole sheet in its shadow root, and no fonts host is contacted.
   * Default: true. `false` leaves the plugin's styles as it injects them
   * (when this provider is the first to load the elements).
   */
  isolatePluginStyles?: boolean;
  /**
   * Called with every token this provider starts using (fetched here or
   * shared by another tab). A throw is written to the console and changes
   * nothing: the token is used and shared all the same.
   */
  onTokenRefresh?: (token: ReceivedToken) => void;
  /**
   * Called with every failure of the token source. A throw is written to
   * the console and changes nothing: retries go on.
   */
  onError?: (error: DatabrainError) => void;
  /**
   * URL of the app's metric-data endpoint (`createMetricDataHandler` on the
   * server), which `useMetricData` from `@databrain-embed/react/data` asks:
   * `POST`, same-origin cookies.
   */
  dataEndpoint?: string;
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

function sessionOptionsOf(props: DatabrainProviderProps): TokenSessionOptions {
  return {
    fetchToken: tokenSourceOf(props),
    refreshMargin: props.refreshMargin,
    onTokenRefresh: props.onTokenRefresh,
    onError: props.onError,
  };
}

// The name tabs share a token under, or undefined when this provider keeps to itself.
function shareNameOf({ crossTabKey, tokenEndpoint, scope }: DatabrainProviderProps): string | undefined {
  const source = crossTabKey ?? tokenEndpoint;
  return typeof source === 'string' && source ? JSON.stringify([source, scope ?? '']) : undefined;
}

/**
 * Holds the guest token for every DataBrain embed beneath it: fetches it
 * once, shares it (with every embed here and, by default, with the other
 * tabs of this origin that use the same endpoint and scope), refreshes it
 * before it expires, and loads the DataBrain elements on first use.
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
  const shareName = shareNameOf(props);
  const key = JSON.stringify([shareName ?? null, props.scope ?? null]);
  // One session per scope (and shared name), kept by this provider: creating
  // one is free of side effects, so a render that never commits costs nothing.
  const [sessions] = useState(() => new Map<string, TokenSession>());
  const [firstKey] = useState(key);
  let session = sessions.get(key);
  if (!session) {
    session = createTokenSession({
      ...sessionOptionsOf(props),
      shareName,
      // Minted for the first scope only.
      initialToken:
        key === firstKey && props.initialToken
          ? parseTokenEndpointResponse(props.initialToken, 'initialToken')
          : undefined,
    });
    sessions.set(key, session);
  }
  const current = session;
  // Committed props only: a render that is still pending (a switch to another
  // user) never hands its source to the session of the user still shown.
  useEffect(() => {
    current.update(sessionOptionsOf(props));
  });
  // The session runs while this provider is mounted, whether or not anything
  // below reads it yet, so the token is ready when the first embed shows.
  // Readers subscribe themselves to what they show: a new token renders the
  // embeds, not the provider and everything under it.
  useEffect(() => current.subscribe(() => {}), [current]);

  const { loadElements: loader, isolatePluginStyles = true, dataEndpoint, scope } = props;
  const value = useMemo<DatabrainContextValue>(
    () => ({ session: current, loader, isolatePluginStyles, dataEndpoint, scope }),
    [current, loader, isolatePluginStyles, dataEndpoint, scope],
  );
  return <DatabrainContext.Provider value={value}>{props.children}</DatabrainContext.Provider>;
}
