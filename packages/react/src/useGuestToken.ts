import type { DatabrainError } from '@databrain-embed/core/errors';
import { useMemo } from 'react';
import { useDatabrainContext, useSessionValue } from './DatabrainContext.ts';
import type { GuestTokenStatus } from './session/TokenSessionState.ts';

/**
 * What {@link useGuestToken} returns. The object is memoized: it changes only
 * when one of its fields does, so it is safe in effect dependencies.
 *
 * @example
 * ```tsx
 * import { useGuestToken } from '@databrain-embed/react';
 * function TokenBadge() {
 *   const { status, expiresAt, refresh } = useGuestToken();
 *   return <button onClick={() => void refresh()}>{status} until {expiresAt}</button>;
 * }
 * ```
 */
export interface GuestTokenState {
  /** The current, unexpired guest token; `null` while loading or after it expired. */
  readonly token: string | null;
  /** When the token expires (ms since the epoch, by this browser's clock); `null` if none or never. */
  readonly expiresAt: number | null;
  /** The last failure of the token source, kept until a token arrives. Branch on `error.code`. */
  readonly error: DatabrainError | null;
  readonly status: GuestTokenStatus;
  /** A new token is being fetched while the previous one stays in use. */
  readonly isRefreshing: boolean;
  /** Fetches a new token now, even if the current one looks valid. Never rejects. */
  readonly refresh: () => Promise<void>;
}

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
  const { session } = useDatabrainContext('useGuestToken()');
  const { token, expiresAt, error, status, isRefreshing } = useSessionValue(session, (state) => state);
  return useMemo(
    () => ({ token, expiresAt, error, status, isRefreshing, refresh: session.refresh }),
    [token, expiresAt, error, status, isRefreshing, session],
  );
}
