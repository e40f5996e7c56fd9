import { type Context, createContext, useContext } from 'react';
import type { ElementsLoader } from './ElementsLoader.ts';
import type { GuestTokenState } from './GuestTokenState.ts';

/** What a provider shares with the hook and the element components. */
export interface DatabrainContextValue {
  readonly state: GuestTokenState;
  readonly loader: ElementsLoader;
  /** Refreshes at once, at most once per token, when an element reports that token expired. */
  readonly reportTokenExpired: (token: string) => void;
}

/** @internal Shared by the provider, the hook and the components. */
export const DatabrainContext: Context<DatabrainContextValue | null> =
  createContext<DatabrainContextValue | null>(null);

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
  if (value === null) {
    throw new Error(
      `[databrain-embed] ${caller} must be used inside <DatabrainProvider>. ` +
        'Wrap the part of your app that shows DataBrain embeds in ' +
        '<DatabrainProvider tokenEndpoint="/api/databrain/token">.',
    );
  }
  return value;
}
