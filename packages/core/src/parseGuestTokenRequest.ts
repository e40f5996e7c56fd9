import { type GuestTokenRequest, guestTokenRequestSchema } from './guestTokenSchema.ts';
import { validate } from './validate.ts';

/**
 * Validates an untrusted guest-token request body (as received over HTTP)
 * with the same rules {@link buildGuestTokenRequest} applies, and returns it
 * typed. Throws {@link DatabrainValidationError} listing every issue.
 *
 * @example
 * ```ts
 * import { parseGuestTokenRequest } from '@databrain-embed/core';
 * const body = parseGuestTokenRequest(await request.json());
 * body.expiryTime; // number | undefined
 * ```
 */
export function parseGuestTokenRequest(body: unknown): GuestTokenRequest {
  return validate(guestTokenRequestSchema, body, 'guest token request');
}
