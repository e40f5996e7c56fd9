/**
 * DataBrain's error envelope. Some endpoints repeat the HTTP status inside
 * `error`.
 *
 * @example
 * ```ts
 * import type { DatabrainErrorBody } from '@databrain-embed/core';
 * const body: DatabrainErrorBody = { error: { code: 'DATA_APP_NOT_FOUND', message: 'Data app not found' } };
 * ```
 */
export interface DatabrainErrorBody {
  error: { code: string; message: string; status?: number };
}

/**
 * Reads `{ code, message }` from a response body in DataBrain's error envelope,
 * or returns `undefined` when the body is not one (a success body, `error:
 * null`, HTML from a proxy). A missing message becomes `''`; callers key on
 * `code`.
 *
 * @example
 * ```ts
 * import { parseErrorBody } from '@databrain-embed/core';
 * const failure = parseErrorBody(await response.json().catch(() => undefined));
 * if (failure) console.warn(failure.code);
 * ```
 */
export function parseErrorBody(body: unknown): { code: string; message: string } | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const error: unknown = body.error;
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const { code } = error;
  if (typeof code !== 'string' || code === '') return undefined;
  const message = 'message' in error && typeof error.message === 'string' ? error.message : '';
  return { code, message };
}
