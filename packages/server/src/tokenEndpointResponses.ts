import type {
  TokenEndpointErrorBody,
  TokenEndpointErrorCode,
  TokenEndpointResponse,
} from '@databrain-embed/core/token-endpoint';

/**
 * An answer of the token endpoint: JSON in the wire contract's shape, never
 * cached (a token is for one user, and an error must not stick).
 */
export function tokenEndpointResponse(
  status: number,
  body: TokenEndpointResponse | TokenEndpointErrorBody,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

/** A failed answer of the token endpoint: `{ error: { code, message } }`, the message safe to show. */
export function tokenEndpointError(
  status: number,
  code: TokenEndpointErrorCode,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return tokenEndpointResponse(status, { error: { code, message } }, headers);
}
