/**
 * The codes a token endpoint answers a failed request with, one per status:
 *
 * - `BAD_REQUEST` (400): the `Host` header names no valid host.
 * - `UNAUTHORIZED` (401): nobody is signed in.
 * - `METHOD_NOT_ALLOWED` (405, with `Allow`): not a POST.
 * - `INTERNAL_ERROR` (500): the app's side failed (its `authorize`, its
 *   grant, its configuration).
 * - `UPSTREAM_ERROR` (502): DataBrain failed.
 * - `UPSTREAM_BUSY` (503, with DataBrain's `Retry-After` when it sent one):
 *   DataBrain still rate-limited after the retries.
 *
 * @example
 * ```ts
 * import { TOKEN_ENDPOINT_ERROR_CODES } from '@databrain-embed/core/token-endpoint';
 * TOKEN_ENDPOINT_ERROR_CODES.includes('UPSTREAM_BUSY'); // true
 * ```
 */
export const TOKEN_ENDPOINT_ERROR_CODES = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'METHOD_NOT_ALLOWED',
  'INTERNAL_ERROR',
  'UPSTREAM_ERROR',
  'UPSTREAM_BUSY',
] as const;

/**
 * A code a token endpoint answers a failed request with.
 *
 * @example
 * ```ts
 * import type { TokenEndpointErrorCode } from '@databrain-embed/core/token-endpoint';
 * const code: TokenEndpointErrorCode = 'UNAUTHORIZED';
 * ```
 */
export type TokenEndpointErrorCode = (typeof TOKEN_ENDPOINT_ERROR_CODES)[number];

/**
 * The JSON body of a failed answer from the token endpoint. The message is
 * safe to show: it never carries DataBrain's details or a secret.
 *
 * @example
 * ```ts
 * import type { TokenEndpointErrorBody } from '@databrain-embed/core/token-endpoint';
 * const body: TokenEndpointErrorBody = { error: { code: 'UNAUTHORIZED', message: 'Sign in to view analytics.' } };
 * ```
 */
export interface TokenEndpointErrorBody {
  error: {
    code: TokenEndpointErrorCode;
    message: string;
  };
}
