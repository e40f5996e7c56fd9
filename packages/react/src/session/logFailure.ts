import type { DatabrainError } from '@databrain-embed/core/errors';

// Bundlers replace `process.env.NODE_ENV` with a string, so production builds
// drop the call; `process` itself exists only where no bundler ran.
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
  try {
    if (process.env.NODE_ENV !== 'production') {
      console.error(
        `${error.message} (${error.code})`,
        ...(error.cause === undefined ? [] : ['\nCause:', error.cause]),
      );
    }
  } catch {
    // An unbundled page has no `process`: nothing says whether this is development.
  }
}
