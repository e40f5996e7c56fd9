import type { DatabrainError } from '@databrain-embed/core/errors';

/**
 * Where the token in use came from: this tab's own request (or the
 * `initialToken` it was rendered with), or another tab of the same origin
 * that shares the same token source and scope.
 *
 * @example
 * ```ts
 * import type { TokenOrigin } from '@databrain-embed/react';
 * const label: Record<TokenOrigin, string> = { 'this-tab': 'fetched here', 'another-tab': 'shared' };
 * ```
 */
export type TokenOrigin = 'this-tab' | 'another-tab';

/**
 * Where the guest token stands: `'loading'` until the first token arrives,
 * `'ready'` while a valid token is held (also during a background refresh),
 * `'error'` when there is no valid token and the last request failed.
 *
 * @example
 * ```ts
 * import type { GuestTokenStatus } from '@databrain-embed/react';
 * const label: Record<GuestTokenStatus, string> = { loading: '…', ready: 'OK', error: 'Failed' };
 * ```
 */
export type GuestTokenStatus = 'loading' | 'ready' | 'error';

/**
 * A token as the provider received it, given to `onTokenRefresh`.
 *
 * @example
 * ```ts
 * import type { ReceivedToken } from '@databrain-embed/react';
 * const log = ({ expiresAt, receivedFrom }: ReceivedToken) => console.info('token until', expiresAt, receivedFrom);
 * ```
 */
export interface ReceivedToken {
  token: string;
  /** Ms since the epoch by this browser's clock; `null` = never expires. */
  expiresAt: number | null;
  /** `'this-tab'` when this tab asked the token source, `'another-tab'` when another tab shared it. */
  receivedFrom: TokenOrigin;
}

/**
 * Everything a token session knows, as one immutable snapshot: a new object
 * whenever any field changes. `useGuestToken()` shows the part most apps
 * need; `useTokenSession()` shows all of it.
 *
 * @example
 * ```tsx
 * import { useTokenSession } from '@databrain-embed/react';
 * function SessionBadge() {
 *   const { receivedFrom, requests } = useTokenSession();
 *   return <small>{receivedFrom ?? 'no token'} · {requests} requests</small>;
 * }
 * ```
 */
export interface TokenSessionState {
  /** The current, unexpired guest token; `null` while loading or after it expired. */
  readonly token: string | null;
  /** When the token expires (ms since the epoch, by this browser's clock); `null` if none or never. */
  readonly expiresAt: number | null;
  /** When this session will ask for the next token (ms since the epoch); `null` if none is planned. */
  readonly refreshAt: number | null;
  /** The last failure, kept until a token arrives. */
  readonly error: DatabrainError | null;
  readonly status: GuestTokenStatus;
  /** A new token is being obtained while the previous one stays in use. */
  readonly isRefreshing: boolean;
  /** Where the current token came from; `null` when there is none. */
  readonly receivedFrom: TokenOrigin | null;
  /** Requests this tab's session has sent to the token source so far. */
  readonly requests: number;
  /** Whether this session exchanges tokens with other tabs (Web Locks and BroadcastChannel available, sharing on). */
  readonly sharedAcrossTabs: boolean;
}
