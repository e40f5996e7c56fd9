import { DatabrainError } from '@databrain-embed/core/errors';
import type { TokenEndpointResponse } from '@databrain-embed/core/token-endpoint';

/**
 * Checks by hand (no schema library in the browser bundle) that a token
 * source answered `{ token, expiresIn }`, naming the first field that breaks
 * its rule. The token itself never appears in an error message.
 *
 * @example
 * ```ts
 * const { token, expiresIn } = parseTokenEndpointResponse(await response.json(), 'POST /api/token');
 * ```
 */
export function parseTokenEndpointResponse(value: unknown, source: string): TokenEndpointResponse {
  // `Object()` so that null and primitives read as "no fields".
  const { token, expiresIn } = Object(value);
  const rule =
    !token || typeof token !== 'string'
      ? '"token" must be a non-empty string'
      : expiresIn !== null && !(Number.isFinite(expiresIn) && expiresIn >= 0)
        ? '"expiresIn" must be a number ≥ 0 (ms) or null'
        : '';
  if (rule) throw new DatabrainError('TOKEN_SHAPE', `${source}: ${rule}.`);
  return { token, expiresIn };
}
