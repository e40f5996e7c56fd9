import type { DatabrainErrorCode } from './errorCodes.ts';

const BRAND = Symbol.for('@databrain-embed/error');

/**
 * Options shared by every {@link DatabrainError}.
 *
 * @example
 * ```ts
 * import type { DatabrainErrorOptions } from '@databrain-embed/core';
 * const options: DatabrainErrorOptions = { cause: new Error('socket hang up') };
 * ```
 */
export interface DatabrainErrorOptions {
  /** The underlying error, kept for debugging (never a secret). */
  cause?: unknown;
}

/**
 * Base class of every error this library throws. Branch on `code`.
 *
 * Messages start with `[databrain-embed]`, say what was wrong and how to fix
 * it, and never contain a secret (API key, service token, password).
 *
 * @example
 * ```ts
 * import { DatabrainError } from '@databrain-embed/core';
 * try {
 *   await client.createGuestToken(input);
 * } catch (error) {
 *   if (error instanceof DatabrainError && error.code === 'RATE_LIMIT_EXCEEDED') retryLater();
 * }
 * ```
 */
export class DatabrainError extends Error {
  /** What went wrong, as a stable code. */
  readonly code: DatabrainErrorCode;

  constructor(code: DatabrainErrorCode, message: string, options: DatabrainErrorOptions = {}) {
    super(message.startsWith('[databrain-embed]') ? message : `[databrain-embed] ${message}`, options);
    this.name = 'DatabrainError';
    this.code = code;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** A plain, secret-free object for logs and JSON responses. */
  toJSON(): { name: string; code: DatabrainErrorCode; message: string } {
    return { name: this.name, code: this.code, message: this.message };
  }
}

/**
 * Whether a value is a {@link DatabrainError} (or subclass), even when it
 * comes from another copy of this package (ESM and CJS side by side).
 *
 * @example
 * ```ts
 * import { isDatabrainError } from '@databrain-embed/core';
 * catch (error) {
 *   if (isDatabrainError(error)) console.warn(error.code);
 * }
 * ```
 */
export function isDatabrainError(value: unknown): value is DatabrainError {
  return (
    value instanceof DatabrainError ||
    (typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true)
  );
}
