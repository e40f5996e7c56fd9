import { DatabrainError, type DatabrainReactErrorCode } from '@databrain-embed/core/errors';
import { EXPIRED_TOKEN_HEADER, type TokenEndpointResponse } from '@databrain-embed/core/token-endpoint';
import type { TokenRequestReason } from './FetchToken.ts';
import { parseTokenEndpointResponse } from './parseTokenEndpointResponse.ts';

/**
 * Asks the app's own backend for a guest token: `POST` with the user's
 * same-origin cookies, answered by `{ token, expiresIn }`. A token an element
 * reported expired goes along in the expired-token header (`EXPIRED_TOKEN_HEADER`), so
 * that a server reusing tokens mints a fresh one. An abort rejects like a
 * network failure; the caller tells them apart by its signal.
 *
 * @example
 * ```ts
 * const { token } = await fetchTokenFromEndpoint('/api/databrain/token', new AbortController().signal);
 * ```
 */
export async function fetchTokenFromEndpoint(
  url: string,
  signal: AbortSignal,
  { expiredToken }: TokenRequestReason = {},
): Promise<TokenEndpointResponse> {
  const source = `POST ${url}`;
  // Each failure: its code and message, the cause kept.
  const failing =
    (code: DatabrainReactErrorCode, message: string) =>
    (cause?: unknown): never => {
      throw new DatabrainError(code, `${source} ${message}.`, { cause });
    };
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'content-type': 'application/json',
      ...(expiredToken ? { [EXPIRED_TOKEN_HEADER]: expiredToken } : {}),
    },
    // An empty JSON object rather than no body, so handlers that always parse JSON accept it.
    body: '{}',
    signal,
  }).catch(failing('TOKEN_UNREACHABLE', 'could not reach the server'));
  if (!response.ok) failing('TOKEN_HTTP', `answered HTTP ${response.status}`)();
  return parseTokenEndpointResponse(
    await response.json().catch(failing('TOKEN_NOT_JSON', 'answered no JSON')),
    source,
  );
}
