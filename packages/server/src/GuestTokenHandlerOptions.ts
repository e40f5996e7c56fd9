import type { DatabrainError, ExpiresIn, GuestTokenInput } from '@databrain-embed/core';
import type { DatabrainClient } from './DatabrainClient.ts';

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
 * Options of `createGuestTokenHandler` and `createGuestTokenIssuer`, checked
 * when either is created: a malformed option throws a
 * `DatabrainValidationError` naming it.
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
   * Called with the `DatabrainError` behind every 500, 502 or 503 answer (and
   * every failed `mint`), for your logs: a `DatabrainApiError` when DataBrain
   * failed, `AUTHORIZE_FAILED` (what `authorize` threw is its `cause`),
   * `VALIDATION_ERROR` for a bad grant or a missing credential. The answer
   * itself only carries a safe message. Errors it throws are ignored.
   * Default: one `console.error` line with the error's message and code
   * (this library's messages never hold a secret), so a broken setup is never
   * silent.
   */
  onError?: (error: DatabrainError) => void;
}
