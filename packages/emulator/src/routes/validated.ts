import { type DatabrainEndpoint, DatabrainValidationError } from '@databrain-embed/core';
import { EmulatorHttpError } from '../EmulatorHttpError.ts';

/**
 * Runs one of core's validators on a request body; a rejection becomes 400
 * INVALID_REQUEST_BODY listing every issue with its path. Core's issue
 * messages describe rules, never values, so no secret is echoed.
 */
export function validated<T>(endpoint: DatabrainEndpoint, validate: (body: unknown) => T, body: unknown): T {
  try {
    return validate(body);
  } catch (error) {
    if (error instanceof DatabrainValidationError) {
      const issues = error.issues.map((issue) => `${issue.path || '(body)'}: ${issue.message}`).join('; ');
      throw EmulatorHttpError.documented(endpoint, 'INVALID_REQUEST_BODY', `Invalid request body: ${issues}`);
    }
    throw error;
  }
}
