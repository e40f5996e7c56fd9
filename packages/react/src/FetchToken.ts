import type { TokenEndpointResponse } from './TokenEndpointResponse.ts';

/**
 * A function that gets a guest token from anywhere (the app's own API
 * client, a server action…). Honour `signal`: it aborts when the token is no
 * longer wanted (the `scope` changed or the provider unmounted).
 *
 * @example
 * ```ts
 * import type { FetchToken } from '@databrain-embed/react';
 * const fetchToken: FetchToken = (signal) =>
 *   fetch('/api/databrain/token', { method: 'POST', signal }).then((r) => r.json());
 * ```
 */
export type FetchToken = (signal: AbortSignal) => Promise<TokenEndpointResponse>;
