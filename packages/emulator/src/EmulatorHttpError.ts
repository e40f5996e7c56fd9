import { type DatabrainEndpoint, documentedStatus } from '@databrain-embed/core';

/**
 * An error answer of the emulator: `{ error: { code, message } }` with
 * `status`. Messages never contain a credential or any other secret.
 */
export class EmulatorHttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, code: string, message: string, headers: Readonly<Record<string, string>> = {}) {
    super(message);
    this.name = 'EmulatorHttpError';
    this.status = status;
    this.code = code;
    this.headers = headers;
  }

  /**
   * An error whose status is the one DataBrain documents for `code` on
   * `endpoint`; `fallback` covers codes an endpoint does not document.
   */
  static documented(
    endpoint: DatabrainEndpoint,
    code: string,
    message: string,
    fallback = 400,
  ): EmulatorHttpError {
    return new EmulatorHttpError(documentedStatus(endpoint, code) ?? fallback, code, message);
  }
}
