import { DatabrainError } from '@databrain-embed/core/errors';
import { type Context, createContext, useContext } from 'react';
import type { ElementsLoader } from './elements/loadElements.ts';
import type { TokenSession } from './session/createTokenSession.ts';
import type { TokenSessionState } from './session/TokenSessionState.ts';

/**
 * What a provider shares with the hooks and the element components: its
 * token session, the session's latest state, and a stable elements loader.
 */
export interface DatabrainContextValue {
  readonly session: TokenSession;
  readonly state: TokenSessionState;
  readonly loadElements: ElementsLoader;
}

/** @internal Shared by the provider, the hooks and the components. */
export const DatabrainContext: Context<DatabrainContextValue | null> =
  /* @__PURE__ */ createContext<DatabrainContextValue | null>(null);

/**
 * Reads the provider's context, or throws a message that says what to wrap.
 *
 * @example
 * ```ts
 * const { state } = useDatabrainContext('useGuestToken()');
 * ```
 */
export function useDatabrainContext(caller: string): DatabrainContextValue {
  const value = useContext(DatabrainContext);
  if (!value) throw new DatabrainError('NO_PROVIDER', `${caller} must be used inside <DatabrainProvider>.`);
  return value;
}
