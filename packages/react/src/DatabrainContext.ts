import { DatabrainError } from '@databrain-embed/core/errors';
import { type Context, createContext, useContext, useSyncExternalStore } from 'react';
import type { ElementsLoader } from './elements/loadElements.ts';
import type { TokenSession } from './session/createTokenSession.ts';
import type { TokenSessionState } from './session/TokenSessionState.ts';

/**
 * What a provider shares with the hooks and the element components: its
 * token session (each reader subscribes to the part it shows) and how to
 * load the elements, and for `useMetricData` the metric-data endpoint and
 * the user's `scope`. It changes only when the session (the scope), the
 * loading props or the data endpoint change, never with the token.
 */
export interface DatabrainContextValue {
  readonly session: TokenSession;
  /** The provider's `loadElements`; `undefined` for the default loader. */
  readonly loader: ElementsLoader | undefined;
  readonly isolatePluginStyles: boolean;
  readonly dataEndpoint: string | undefined;
  readonly scope: string | undefined;
}

/** @internal Shared by the provider, the hooks and the components. */
export const DatabrainContext: Context<DatabrainContextValue | null> =
  /* @__PURE__ */ createContext<DatabrainContextValue | null>(null);

/**
 * Reads the provider's context, or throws a message that says what to wrap.
 *
 * @example
 * ```ts
 * const { session } = useDatabrainContext('useGuestToken()');
 * ```
 */
export function useDatabrainContext(caller: string): DatabrainContextValue {
  const value = useContext(DatabrainContext);
  if (!value) throw new DatabrainError('NO_PROVIDER', `${caller} must be used inside <DatabrainProvider>.`);
  return value;
}

/**
 * One value of a session's state, read with `useSyncExternalStore`: the
 * component renders again only when that value changes (by `Object.is`),
 * so an embed does not render when only the request count does.
 *
 * @example
 * ```ts
 * const token = useSessionValue(session, (state) => state.token);
 * ```
 */
export function useSessionValue<T>(session: TokenSession, select: (state: TokenSessionState) => T): T {
  const read = (): T => select(session.getSnapshot());
  return useSyncExternalStore(session.subscribe, read, read);
}
