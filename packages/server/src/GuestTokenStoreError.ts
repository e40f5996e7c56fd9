/**
 * A token store call that failed or took too long. The client then mints a
 * token as if nothing were stored, and passes this error to
 * `tokenReuse.onError`; it is never thrown to the caller.
 *
 * @example
 * ```ts
 * import { createDatabrainClient, GuestTokenStoreError } from '@databrain-embed/server';
 * createDatabrainClient({
 *   apiKey: process.env.DATABRAIN_API_KEY,
 *   tokenReuse: {
 *     onError: (error) => {
 *       if (error instanceof GuestTokenStoreError) console.warn(error.operation, error.cause);
 *     },
 *   },
 * });
 * ```
 */
export class GuestTokenStoreError extends Error {
  /** The store call that failed. */
  readonly operation: 'get' | 'set' | 'lock' | 'unlock';

  constructor(
    operation: GuestTokenStoreError['operation'],
    message: string,
    options: { cause?: unknown } = {},
  ) {
    super(`[databrain-embed] token store ${operation}: ${message}`, options);
    this.name = 'GuestTokenStoreError';
    this.operation = operation;
  }
}
