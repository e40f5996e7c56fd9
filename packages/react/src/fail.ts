/**
 * An error of this package: `[databrain-embed] <message> (<CODE>)`. The code
 * is stable; the README's "Errors" section says what each one means and how
 * to fix it, so the message itself stays short.
 *
 * @example
 * ```ts
 * throw fail('TOKEN_HTTP', `POST ${url} answered HTTP ${status}.`);
 * ```
 */
export function fail(code: string, message: string, cause?: unknown): Error {
  return new Error(`[databrain-embed] ${message} (${code})`, { cause });
}
