import { type Context, createContext, useContext } from 'react';
import type { ElementsLoader } from './ElementsLoader.ts';
import { fail } from './fail.ts';
import type { GuestTokenState } from './GuestTokenState.ts';

/**
 * What a provider shares with the hook and the element components: the token
 * state, a stable elements loader, and a function that refreshes at once, at
 * most once per token, when an element reports that token expired.
 */
export type DatabrainContextValue = readonly [
  state: GuestTokenState,
  loader: ElementsLoader,
  reportTokenExpired: (token: string) => void,
];

/** @internal Shared by the provider, the hook and the components. */
export const DatabrainContext: Context<DatabrainContextValue | null> =
  /* @__PURE__ */ createContext<DatabrainContextValue | null>(null);

/**
 * Reads the provider's context, or throws a message that says what to wrap.
 *
 * @example
 * ```ts
 * const [state] = useDatabrainContext('useGuestToken()');
 * ```
 */
export function useDatabrainContext(caller: string): DatabrainContextValue {
  const value = useContext(DatabrainContext);
  if (!value) throw fail('NO_PROVIDER', `${caller} must be used inside <DatabrainProvider>.`);
  return value;
}
