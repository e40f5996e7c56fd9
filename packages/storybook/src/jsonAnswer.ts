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
