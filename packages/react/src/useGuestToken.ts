import { useMemo } from 'react';
import { useDatabrainContext } from './DatabrainContext.ts';
import type { GuestTokenState } from './GuestTokenState.ts';

/**
 * The guest token of the nearest `<DatabrainProvider>`. Every component
 * under one provider shares one token and one request; the object returned
 * is stable until something in it changes.
 *
 * @throws when used outside `<DatabrainProvider>` (code `NO_PROVIDER`).
 * @example
 * ```tsx
 * import { useGuestToken } from '@databrain-embed/react';
 * function EmbedStatus() {
 *   const { status, error, refresh } = useGuestToken();
 *   if (status === 'error') return <button onClick={() => void refresh()}>{error?.message}</button>;
 *   return <span>{status}</span>;
 * }
 * ```
 */
export function useGuestToken(): GuestTokenState {
  const { session, state } = useDatabrainContext('useGuestToken()');
  const { token, expiresAt, error, status, isRefreshing } = state;
  return useMemo(
    () => ({ token, expiresAt, error, status, isRefreshing, refresh: session.refresh }),
    [token, expiresAt, error, status, isRefreshing, session],
  );
}
