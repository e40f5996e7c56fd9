import { fail } from './fail.ts';
import { parseTokenEndpointResponse } from './parseTokenEndpointResponse.ts';
import type { TokenEndpointResponse } from './TokenEndpointResponse.ts';

/**
 * Asks the app's own backend for a guest token: `POST` with the user's
 * same-origin cookies, answered by `{ token, expiresIn }`.
 *
 * @example
 * ```ts
 * const { token } = await fetchTokenFromEndpoint('/api/databrain/token', new AbortController().signal);
 * ```
 */
export async function fetchTokenFromEndpoint(
  url: string,
  signal: AbortSignal,
): Promise<TokenEndpointResponse> {
  const source = `The token endpoint ${url}`;
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    // An empty JSON object rather than no body, so handlers that always parse JSON accept it.
    body: '{}',
    signal,
  }).catch((cause: unknown) => {
    throw signal.aborted
      ? cause
      : fail('TOKEN_UNREACHABLE', `Could not reach the token endpoint ${url}.`, cause);
  });
  if (!response.ok) throw fail('TOKEN_HTTP', `${source} answered HTTP ${response.status}.`);
  const body: unknown = await response.json().catch((cause: unknown) => {
    throw fail('TOKEN_NOT_JSON', `${source} did not answer JSON.`, cause);
  });
  return parseTokenEndpointResponse(body, source);
}
