import type { DatabrainError } from '@databrain-embed/core/errors';

// Bundlers replace `process.env.NODE_ENV`; the `typeof` check keeps an
// unbundled page (where `process` does not exist) from throwing.
declare const process: { env: { NODE_ENV?: string } };

/**
 * Writes a failure to the console in development builds (code, message and
 * cause), so that a broken setup is never silent even without `onError`.
 * Production builds drop the call.
 *
 * @example
 * ```ts
 * logFailure(new DatabrainError('ELEMENTS_LOAD', 'Could not load the DataBrain elements.'));
 * ```
 */
export function logFailure(error: DatabrainError): void {
  if (typeof process !== 'undefined' && process.env.NODE_ENV !== 'production') {
    console.error(
      `${error.message} (${error.code})`,
      ...(error.cause === undefined ? [] : ['\nCause:', error.cause]),
    );
  }
}
