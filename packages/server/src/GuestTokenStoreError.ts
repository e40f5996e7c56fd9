import { DatabrainError, type DatabrainErrorOptions } from '@databrain-embed/core';

/**
 * A token store call that failed or took too long (code
 * `TOKEN_STORE_FAILED`). The client then mints a token as if nothing were
 * stored, and passes this error to `tokenReuse.onError`; it is never thrown
 * to the caller. `cause` holds what the store threw, scrubbed of every
 * credential the client knows.
 *
 * @example
 * ```ts
 * import { createDatabrainClient, GuestTokenStoreError } from '@databrain-embed/server';
 * createDatabrainClient({
 *   apiKey: process.env.DATABRAIN_API_KEY,
 *   tokenReuse: {
 *     onError: (error) => {
 *       if (error instanceof GuestTokenStoreError) console.warn(error.code, error.operation, error.cause);
 *     },
 *   },
 * });
 * ```
 */
export class GuestTokenStoreError extends DatabrainError {
  /** The store call that failed. */
  readonly operation: 'get' | 'set' | 'lock' | 'unlock';

  constructor(
    operation: GuestTokenStoreError['operation'],
    message: string,
    options: DatabrainErrorOptions = {},
  ) {
    super('TOKEN_STORE_FAILED', `token store ${operation}: ${message}`, options);
    this.name = 'GuestTokenStoreError';
    this.operation = operation;
  }

  override toJSON(): {
    name: string;
    code: 'TOKEN_STORE_FAILED';
    message: string;
    operation: GuestTokenStoreError['operation'];
  } {
    return { name: this.name, code: 'TOKEN_STORE_FAILED', message: this.message, operation: this.operation };
  }
}
