import type { TokenEndpointResponse } from './TokenEndpointResponse.ts';

const EXPECTED =
  '{ token: string, expiresIn: number | null } (expiresIn in milliseconds, null = never expires)';

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? `an object with keys [${Object.keys(value).join(', ')}]` : typeof value;
}

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
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`[databrain-embed] ${source} must answer ${EXPECTED}, but answered ${describe(value)}.`);
  }
  const { token, expiresIn } = value as Record<string, unknown>;
  if (typeof token !== 'string' || token === '') {
    throw new Error(
      `[databrain-embed] ${source} must answer ${EXPECTED}, but "token" is ${
        token === '' ? 'an empty string' : describe(token)
      }.`,
    );
  }
  if (expiresIn === null) return { token, expiresIn: null };
  if (typeof expiresIn !== 'number' || !Number.isFinite(expiresIn) || expiresIn < 0) {
    throw new Error(
      `[databrain-embed] ${source} must answer ${EXPECTED}, but "expiresIn" is ${
        typeof expiresIn === 'number' ? String(expiresIn) : describe(expiresIn)
      }. Send null for a token that never expires.`,
    );
  }
  return { token, expiresIn };
}
