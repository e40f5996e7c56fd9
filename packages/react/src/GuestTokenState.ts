import type { DatabrainError } from '@databrain-embed/core/errors';

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
