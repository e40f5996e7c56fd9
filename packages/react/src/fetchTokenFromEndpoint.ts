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
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      // An empty JSON object rather than no body, so handlers that always parse JSON accept it.
      body: '{}',
      signal,
    });
  } catch (cause) {
    if (signal.aborted) throw cause;
    throw new Error(`[databrain-embed] Could not reach the token endpoint ${url}. Is the server running?`, {
      cause,
    });
  }
  if (!response.ok) {
    throw new Error(
      `[databrain-embed] The token endpoint ${url} answered HTTP ${response.status}. ` +
        'Check that the user is signed in and that the endpoint is allowed to mint guest tokens.',
    );
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    throw new Error(`[databrain-embed] The token endpoint ${url} did not answer JSON.`, { cause });
  }
  return parseTokenEndpointResponse(body, `The token endpoint ${url}`);
}
