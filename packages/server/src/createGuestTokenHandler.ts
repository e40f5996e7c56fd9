import { DatabrainApiError, type DatabrainError } from '@databrain-embed/core';
import type { TokenEndpointErrorBody } from '@databrain-embed/core/token-endpoint';
import type { GuestTokenHandlerOptions } from './GuestTokenHandlerOptions.ts';
import { issueGuestToken } from './issueGuestToken.ts';
import { clampRetryAfterSeconds } from './parseRetryAfter.ts';
import { type ResolvedHandlerOptions, resolveHandlerOptions } from './resolveHandlerOptions.ts';
import { tokenEndpointError, tokenEndpointResponse } from './tokenEndpointResponses.ts';

export type { GuestTokenGrant, GuestTokenHandlerOptions } from './GuestTokenHandlerOptions.ts';

/**
 * The JSON body of a failed answer from a {@link createGuestTokenHandler}
 * handler: the token endpoint's error body from
 * `@databrain-embed/core/token-endpoint`, under the name this package has
 * always given it.
 *
 * @example
 * ```ts
 * import type { GuestTokenHandlerErrorBody } from '@databrain-embed/server';
 * const body: GuestTokenHandlerErrorBody = { error: { code: 'UNAUTHORIZED', message: 'Sign in to view analytics.' } };
 * ```
 */
export type GuestTokenHandlerErrorBody = TokenEndpointErrorBody;

/** The answer for a failed issue: DataBrain's failures are 502 or 503, the app's side 500. */
function failureAnswer(error: DatabrainError): Response {
  if (error instanceof DatabrainApiError) {
    if (error.status === 429) {
      const seconds = clampRetryAfterSeconds(error.retryAfter);
      return tokenEndpointError(
        503,
        'UPSTREAM_BUSY',
        'The analytics service is busy. Try again later.',
        seconds === undefined ? {} : { 'retry-after': String(seconds) },
      );
    }
    return tokenEndpointError(
      502,
      'UPSTREAM_ERROR',
      'The analytics service is unavailable. Try again later.',
    );
  }
  return tokenEndpointError(
    500,
    'INTERNAL_ERROR',
    error.code === 'AUTHORIZE_FAILED'
      ? 'Could not check who is signed in.'
      : 'Could not create an analytics token.',
  );
}

/** The handler over options already validated (shared with `createGuestTokenIssuer`). */
export function guestTokenHandler(options: ResolvedHandlerOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'POST') {
      return tokenEndpointError(405, 'METHOD_NOT_ALLOWED', 'Use POST to request a guest token.', {
        allow: 'POST',
      });
    }
    try {
      const issued = await issueGuestToken(options, request, request.signal);
      if (issued === null) return tokenEndpointError(401, 'UNAUTHORIZED', 'Sign in to view analytics.');
      return tokenEndpointResponse(200, issued);
    } catch (error) {
      // The caller hung up (its signal cancelled the call): nobody reads this
      // answer, and a cancelled request is no failure worth a log line.
      if (request.signal.aborted) {
        return tokenEndpointError(502, 'UPSTREAM_ERROR', 'The token request was cancelled.');
      }
      // issueGuestToken throws DatabrainErrors only.
      const failure = error as DatabrainError;
      options.report(failure);
      return failureAnswer(failure);
    }
  };
}

/**
 * Creates the token endpoint your front end calls: a Fetch-API handler
 * `(request) => Promise<Response>` that mints a guest token for the user
 * `authorize` returns. Use it as a Next.js App Router route handler
 * (`export const POST = handler`), in Hono, Remix, Bun or Deno, or in
 * Express through `toNodeHandler` from `@databrain-embed/server/node`.
 * Options are checked here: a malformed one throws a
 * `DatabrainValidationError` naming it.
 *
 * Answers (all with `Cache-Control: no-store`), in the wire contract of
 * `@databrain-embed/core/token-endpoint`:
 * - 200 `{ token, expiresIn }`, `expiresIn` in milliseconds or `null`;
 * - 405 for anything but POST (with `Allow: POST`);
 * - 401 when `authorize` returns `null`;
 * - 503 `UPSTREAM_BUSY` when DataBrain still rate-limits after the client's
 *   retries, with DataBrain's `Retry-After` when it sent one;
 * - 502 `UPSTREAM_ERROR` when DataBrain fails otherwise, without its details;
 * - 500 `INTERNAL_ERROR` when `authorize` throws or returns an invalid grant,
 *   or the client is missing its credential.
 * Every 500, 502 and 503 hands its `DatabrainError` to `onError`.
 *
 * @example
 * ```ts
 * import { createDatabrainClient, createGuestTokenHandler } from '@databrain-embed/server';
 *
 * export const POST = createGuestTokenHandler({
 *   client: createDatabrainClient({ apiKey: process.env.DATABRAIN_API_KEY }),
 *   dataAppName: 'customer-portal',
 *   authorize: async (request) => {
 *     const user = await getSessionUser(request);
 *     return user ? { clientId: user.tenantId, params: { userIdentifier: user.id } } : null;
 *   },
 * });
 * ```
 */
export function createGuestTokenHandler(
  options: GuestTokenHandlerOptions,
): (request: Request) => Promise<Response> {
  return guestTokenHandler(resolveHandlerOptions(options));
}
