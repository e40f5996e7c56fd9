import type { TokenOrigin } from './session/TokenSessionState.ts';

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
