import { fail } from './fail.ts';
import type { TokenEndpointResponse } from './TokenEndpointResponse.ts';

const describe = (value: unknown): unknown =>
  value === ''
    ? 'an empty string'
    : Array.isArray(value)
      ? 'an array'
      : value === null
        ? value
        : typeof value;

/**
 * Checks by hand (no schema library in the browser bundle) that a token
 * source answered `{ token, expiresIn }`. The token itself never appears in
 * an error message.
 *
 * @example
 * ```ts
 * const { token, expiresIn } = parseTokenEndpointResponse(await response.json(), 'The token endpoint /api/token');
 * ```
 */
export function parseTokenEndpointResponse(value: unknown, source: string): TokenEndpointResponse {
  // `Object()` so that null and primitives read as "no fields"; the checks below narrow both.
  const { token, expiresIn } = Object(value);
  const problem =
    typeof value !== 'object' || !value || Array.isArray(value)
      ? `answered ${describe(value)}`
      : !token || typeof token !== 'string'
        ? `"token" is ${describe(token)}`
        : expiresIn !== null && !(Number.isFinite(expiresIn) && expiresIn >= 0)
          ? `"expiresIn" is ${typeof expiresIn === 'number' ? expiresIn : describe(expiresIn)}`
          : '';
  if (problem) {
    throw fail(
      'TOKEN_SHAPE',
      `${source} must answer { token: string, expiresIn: number | null }, but ${problem}.`,
    );
  }
  return { token, expiresIn };
}
