import type { DatabrainError } from '@databrain-embed/core';
import type { TokenEndpointResponse } from '@databrain-embed/core/token-endpoint';
import { guestTokenHandler } from './createGuestTokenHandler.ts';
import type { GuestTokenHandlerOptions } from './GuestTokenHandlerOptions.ts';
import { issueGuestToken } from './issueGuestToken.ts';
import { resolveHandlerOptions } from './resolveHandlerOptions.ts';

/**
 * A guest token as the token endpoint answers it, ready to pass to
 * `<DatabrainProvider initialToken>`: the token endpoint's answer from
 * `@databrain-embed/core/token-endpoint`, under the name this package has
 * always given it.
 *
 * @example
 * ```ts
 * import type { IssuedGuestToken } from '@databrain-embed/server';
 * const issued: IssuedGuestToken = { token: 'eyJ…', expiresIn: 30 * 60 * 1000 };
 * ```
 */
export type IssuedGuestToken = TokenEndpointResponse;

/**
 * The token endpoint and a server-side mint that share one `authorize`.
 *
 * @example
 * ```ts
 * import type { GuestTokenIssuer } from '@databrain-embed/server';
 * const POST: GuestTokenIssuer['handler'] = tokens.handler;
 * ```
 */
export interface GuestTokenIssuer {
  /** The Fetch handler of `createGuestTokenHandler`: the route the browser calls. */
  handler: (request: Request) => Promise<Response>;
  /**
   * Mints a token for the user of `source` while the server renders a page,
   * by the very step the handler runs (same `authorize`, same grant, same
   * `onError`), without an HTTP round trip. `source` is the page's `Request`
   * (given to `authorize` as is), or its headers (Next.js `await headers()`,
   * given to `authorize` as a request to the page's host). Resolves `null`
   * when nobody is signed in. Rejects with the `DatabrainError` minting
   * failed with, which `onError` received too: a `DatabrainApiError` keeps
   * DataBrain's code, `status` and `retryAfter`; `AUTHORIZE_FAILED` keeps
   * what `authorize` threw as its `cause`. Render without a first token then;
   * the browser asks the route. An abort through `signal` rejects with
   * `ABORTED` and reports nothing.
   */
  mint: (source: Request | Headers, options?: { signal?: AbortSignal }) => Promise<IssuedGuestToken | null>;
}

/** The request `authorize` reads: the page's own, or one to the page's host with its headers. */
function requestOf(source: Request | Headers): Request {
  if (source instanceof Request) return source;
  const host = source.get('host');
  const origin = host !== null && URL.canParse(`http://${host}`) ? `http://${host}` : 'http://localhost';
  return new Request(new URL('/', origin), { headers: source });
}

/**
 * Creates the token endpoint and a server-side mint from ONE definition of
 * who gets which grant, so a server-rendered page can hand the first token
 * to `<DatabrainProvider initialToken>` (no round trip before the first
 * paint) while the browser's refreshes use the route. Takes the options of
 * `createGuestTokenHandler`; `mint` runs the handler's own issuing step.
 *
 * @example
 * ```ts
 * // lib/databrain.ts
 * import { createDatabrainClient, createGuestTokenIssuer } from '@databrain-embed/server';
 *
 * export const tokens = createGuestTokenIssuer({
 *   client: createDatabrainClient({ apiKey: process.env.DATABRAIN_API_KEY }),
 *   dataAppName: 'customer-portal',
 *   authorize: async (request) => {
 *     const user = await getSessionUser(request.headers.get('cookie'));
 *     return user ? { clientId: user.tenantId } : null;
 *   },
 * });
 *
 * // app/api/databrain/token/route.ts
 * export const POST = tokens.handler;
 *
 * // app/page.tsx (a server component)
 * const initialToken = await tokens.mint(await headers());
 * ```
 */
export function createGuestTokenIssuer(options: GuestTokenHandlerOptions): GuestTokenIssuer {
  const resolved = resolveHandlerOptions(options);
  return {
    handler: guestTokenHandler(resolved),
    async mint(source, { signal } = {}) {
      try {
        return await issueGuestToken(resolved, requestOf(source), signal);
      } catch (error) {
        // issueGuestToken throws DatabrainErrors only; a cancelled mint is no failure to log.
        if (!signal?.aborted) resolved.report(error as DatabrainError);
        throw error;
      }
    },
  };
}
