import { useDatabrainContext, useSessionValue } from './DatabrainContext.ts';
import type { TokenSessionState } from './session/TokenSessionState.ts';

/**
 * Everything the nearest `<DatabrainProvider>`'s token session knows: the
 * token and its status (`token`, `expiresAt`, `error`, `status`,
 * `isRefreshing`, as in `useGuestToken()`), plus where the token came from
 * (this tab or another), when the next refresh is planned, how many requests
 * this tab has made, and whether tabs share the token. For status panels and
 * diagnostics; the object changes whenever a field does. It has no
 * `refresh`: take that from `useGuestToken()`.
 *
 * @throws when used outside `<DatabrainProvider>` (code `NO_PROVIDER`).
 * @example
 * ```tsx
 * import { useTokenSession } from '@databrain-embed/react';
 * function TokenDiagnostics() {
 *   const { receivedFrom, refreshAt, requests } = useTokenSession();
 *   return <p>{receivedFrom} · next refresh {refreshAt} · {requests} requests</p>;
 * }
 * ```
 */
export function useTokenSession(): TokenSessionState {
  const { session } = useDatabrainContext('useTokenSession()');
  return useSessionValue(session, (state) => state);
}
