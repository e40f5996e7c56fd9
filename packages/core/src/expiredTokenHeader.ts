/**
 * The request header that names the token an embed reported expired, sent
 * to the token endpoint when a refresh replaces it, so that a server reusing
 * tokens mints a fresh one instead of answering the same token again.
 * Lower case, as `Headers` gives names back.
 *
 * @example
 * ```ts
 * import { EXPIRED_TOKEN_HEADER } from '@databrain-embed/core/token-endpoint';
 * await fetch('/api/databrain/token', { method: 'POST', headers: { [EXPIRED_TOKEN_HEADER]: expiredToken } });
 * ```
 */
export const EXPIRED_TOKEN_HEADER = 'x-databrain-expired-token';
