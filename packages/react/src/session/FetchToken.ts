import type { TokenEndpointResponse } from '@databrain-embed/core/token-endpoint';

/**
 * Why a token is being asked for, given to `fetchToken` as its second
 * argument.
 *
 * @example
 * ```ts
 * import type { TokenRequestReason } from '@databrain-embed/react';
 * const reason: TokenRequestReason = { expiredToken: 'eyJ…' };
 * ```
 */
export interface TokenRequestReason {
  /**
   * The token an element reported expired, when this request replaces it.
   * Send it to your backend (`tokenEndpoint` sends it in the header named by
   * `EXPIRED_TOKEN_HEADER` from `@databrain-embed/core/token-endpoint`), so
   * that a server reusing tokens mints a fresh one instead of answering the
   * same token.
   */
  expiredToken?: string;
}

/**
 * A function that gets a guest token from anywhere (the app's own API
 * client, a server action…). Honour `signal`: it aborts when the token is no
 * longer wanted (the `scope` changed or the provider unmounted).
 *
 * @example
 * ```ts
 * import { EXPIRED_TOKEN_HEADER } from '@databrain-embed/core/token-endpoint';
 * import type { FetchToken } from '@databrain-embed/react';
 * const fetchToken: FetchToken = (signal, { expiredToken } = {}) =>
 *   fetch('/api/databrain/token', {
 *     method: 'POST',
 *     signal,
 *     headers: expiredToken ? { [EXPIRED_TOKEN_HEADER]: expiredToken } : {},
 *   }).then((r) => r.json());
 * ```
 */
export type FetchToken = (signal: AbortSignal, reason?: TokenRequestReason) => Promise<TokenEndpointResponse>;
