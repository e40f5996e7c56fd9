import type { TokenEndpointErrorBody } from '@databrain-embed/core/token-endpoint';

/**
 * A failed answer of the token endpoint contract (core's `token-endpoint`
 * entry): `{ error: { code, message } }`, never cached.
 *
 * @example
 * ```ts
 * return tokenEndpointFailure(401, 'UNAUTHORIZED', 'Sign in to view analytics.');
 * ```
 */
export function tokenEndpointFailure(
  status: number,
  code: TokenEndpointErrorBody['error']['code'],
  message: string,
  headers?: Record<string, string>,
): Response {
  const body: TokenEndpointErrorBody = { error: { code, message } };
  return jsonAnswer(status, body, headers);
}

/**
 * A JSON answer that no cache keeps, as the token handler sends them.
 *
 * @example
 * ```ts
 * return jsonAnswer(401, { error: { code: 'UNAUTHORIZED', message: 'Sign in to view analytics.' } });
 * ```
 */
export function jsonAnswer(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}
