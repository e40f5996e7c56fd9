import { DatabrainError, isDatabrainError } from '@databrain-embed/core/errors';
import type { FetchToken } from './FetchToken.ts';
import { fetchTokenFromEndpoint } from './fetchTokenFromEndpoint.ts';
import { parseTokenEndpointResponse } from './parseTokenEndpointResponse.ts';

/**
 * The provider's token source as one function whose answers are checked
 * and whose failures are all `DatabrainError`s: `tokenEndpoint` through
 * `fetchTokenFromEndpoint`, or the app's own `fetchToken` (its own errors
 * become `TOKEN_SOURCE`, the original kept as `cause`).
 *
 * @example
 * ```ts
 * const fetchToken = tokenSourceOf({ tokenEndpoint: '/api/databrain/token' });
 * ```
 */
export function tokenSourceOf(source: { tokenEndpoint?: string; fetchToken?: FetchToken }): FetchToken {
  const { tokenEndpoint, fetchToken } = source;
  if (typeof fetchToken === 'function') {
    return (signal, reason) =>
      Promise.resolve()
        .then(() => fetchToken(signal, reason))
        .then(
          (answer) => parseTokenEndpointResponse(answer, 'fetchToken()'),
          (reason: unknown) => {
            throw isDatabrainError(reason)
              ? reason
              : new DatabrainError(
                  'TOKEN_SOURCE',
                  `fetchToken() failed${reason instanceof Error ? `: ${reason.message}` : ''}.`,
                  { cause: reason },
                );
          },
        );
  }
  if (typeof tokenEndpoint === 'string' && tokenEndpoint) {
    return (signal, reason) => fetchTokenFromEndpoint(tokenEndpoint, signal, reason);
  }
  throw new DatabrainError(
    'TOKEN_SOURCE',
    '<DatabrainProvider> needs a token source: "tokenEndpoint" (a URL) or "fetchToken" (a function).',
  );
}
