import {
  DatabrainApiError,
  DEFAULT_TOKEN_LIFETIME_MS,
  type ExpiresIn,
  type GuestTokenInput,
  isDatabrainError,
} from '@databrain-embed/core';
import type { DatabrainClient } from './DatabrainClient.ts';
import { clampRetryAfterSeconds } from './parseRetryAfter.ts';

/**
 * What `authorize` grants the signed-in user: the tenant the token is for and
 * the filters and permissions it carries. Everything here comes from your
 * server's session, never from the browser.
 *
 * @example
 * ```ts
 * import type { GuestTokenGrant } from '@databrain-embed/server';
 * const grant: GuestTokenGrant = {
 *   clientId: 'acme',
 *   params: { userIdentifier: 'user-42' },
 *   permissions: { isEnableDownloadMetrics: false },
 * };
 * ```
 */
export type GuestTokenGrant = Omit<GuestTokenInput, 'dataAppName'>;

/**
 * Options of {@link createGuestTokenHandler}.
 *
 * @example
 * ```ts
 * import type { GuestTokenHandlerOptions } from '@databrain-embed/server';
 * const options: GuestTokenHandlerOptions = {
 *   client: databrain,
 *   dataAppName: 'customer-portal',
 *   authorize: async (request) => {
 *     const user = await getSessionUser(request);
 *     return user ? { clientId: user.tenantId } : null;
 *   },
 * };
 * ```
 */
export interface GuestTokenHandlerOptions {
  /** The client that mints tokens (only `createGuestToken` is used). */
  client: Pick<DatabrainClient, 'createGuestToken'>;
  /** The data app whose embeds the tokens open. */
  dataAppName: string;
  /**
   * Reads the end user from the request (cookie, session, header) and
   * returns their grant, or `null` when nobody is signed in (answered 401).
   * The request body is never read, so a browser cannot pick its tenant,
   * filters or permissions.
   */
  authorize: (request: Request) => GuestTokenGrant | null | Promise<GuestTokenGrant | null>;
  /**
   * Token lifetime when the grant does not set one: milliseconds, a duration
   * such as `{ minutes: 30 }` or `'30m'`, or `'never'`. Default one hour.
   */
  expiresIn?: ExpiresIn;
  /**
   * Called with every error behind a 500, 502 or 503 answer, for your logs. The
   * answer itself only carries a safe message. Errors it throws are ignored.
   * Default: one `console.error` line with the error's message (this library's
   * messages never hold a secret), so a broken setup is never silent.
   */
  onError?: (error: unknown) => void;
}

/**
 * The JSON body of a failed answer from a {@link createGuestTokenHandler} handler.
 *
 * @example
 * ```ts
 * import type { GuestTokenHandlerErrorBody } from '@databrain-embed/server';
 * const body: GuestTokenHandlerErrorBody = { error: { code: 'UNAUTHORIZED', message: 'Sign in to view analytics.' } };
 * ```
 */
export interface GuestTokenHandlerErrorBody {
  error: {
    code: 'METHOD_NOT_ALLOWED' | 'UNAUTHORIZED' | 'UPSTREAM_BUSY' | 'UPSTREAM_ERROR' | 'INTERNAL_ERROR';
    message: string;
  };
}

// One line for the default log: the message (and code) only, never a stack or a cause.
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${error.message} (${code})` : error.message;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

function failure(
  status: number,
  error: GuestTokenHandlerErrorBody['error'],
  headers?: Record<string, string>,
): Response {
  const body: GuestTokenHandlerErrorBody = { error };
  return json(status, body, headers);
}

/**
 * Creates the token endpoint your front end calls: a Fetch-API handler
 * `(request) => Promise<Response>` that mints a guest token for the user
 * `authorize` returns. Use it as a Next.js App Router route handler
 * (`export const POST = handler`), in Hono, Remix, Bun or Deno, or in
 * Express through `toNodeHandler` from `@databrain-embed/server/node`.
 *
 * Answers (all with `Cache-Control: no-store`):
 * - 200 `{ token, expiresIn }`, `expiresIn` in milliseconds or `null`;
 * - 405 for anything but POST (with `Allow: POST`);
 * - 401 when `authorize` returns `null`;
 * - 503 `UPSTREAM_BUSY` when DataBrain still rate-limits after the client's
 *   retries, with DataBrain's `Retry-After` when it sent one;
 * - 502 `UPSTREAM_ERROR` when DataBrain fails otherwise, without its details;
 * - 500 `INTERNAL_ERROR` when `authorize` throws or returns an invalid grant.
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
  const { client, dataAppName, authorize, onError } = options;
  const defaultExpiresIn: ExpiresIn = options.expiresIn ?? DEFAULT_TOKEN_LIFETIME_MS;

  const report = (error: unknown): void => {
    try {
      if (onError) onError(error);
      else console.error(`[databrain-embed] The guest token handler failed: ${describe(error)}`);
    } catch {
      // A failing logger must not turn a handled error into an unhandled one.
    }
  };

  return async (request) => {
    if (request.method !== 'POST') {
      return failure(
        405,
        { code: 'METHOD_NOT_ALLOWED', message: 'Use POST to request a guest token.' },
        { allow: 'POST' },
      );
    }

    let grant: GuestTokenGrant | null;
    try {
      grant = await authorize(request);
    } catch (error) {
      report(error);
      return failure(500, { code: 'INTERNAL_ERROR', message: 'Could not check who is signed in.' });
    }
    if (grant === null) {
      return failure(401, { code: 'UNAUTHORIZED', message: 'Sign in to view analytics.' });
    }

    try {
      // An explicit `undefined` from a grant must not turn into a token that never expires.
      const expiresIn = grant.expiresIn ?? defaultExpiresIn;
      const input: GuestTokenInput = { ...grant, dataAppName, expiresIn };
      // The token the browser's embed reported expired, so reuse never hands it back.
      const expiredToken = request.headers.get('x-databrain-expired-token') || undefined;
      const minted = await client.createGuestToken(input, { signal: request.signal, expiredToken });
      return json(200, { token: minted.token, expiresIn: minted.expiresIn });
    } catch (error) {
      // The caller hung up (its signal cancelled the call): nobody reads this
      // answer, and a cancelled request is no failure worth a log line.
      if (request.signal.aborted) {
        return failure(502, { code: 'UPSTREAM_ERROR', message: 'The token request was cancelled.' });
      }
      report(error);
      if (error instanceof DatabrainApiError && error.status === 429) {
        const seconds = clampRetryAfterSeconds(error.retryAfter);
        return failure(
          503,
          { code: 'UPSTREAM_BUSY', message: 'The analytics service is busy. Try again later.' },
          seconds === undefined ? {} : { 'retry-after': String(seconds) },
        );
      }
      if (isDatabrainError(error) && error.code !== 'VALIDATION_ERROR') {
        return failure(502, {
          code: 'UPSTREAM_ERROR',
          message: 'The analytics service is unavailable. Try again later.',
        });
      }
      return failure(500, { code: 'INTERNAL_ERROR', message: 'Could not create an analytics token.' });
    }
  };
}
