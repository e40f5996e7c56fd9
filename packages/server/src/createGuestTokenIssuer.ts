import { DatabrainApiError } from '@databrain-embed/core';
import {
  createGuestTokenHandler,
  type GuestTokenHandlerErrorBody,
  type GuestTokenHandlerOptions,
} from './createGuestTokenHandler.ts';
import { isRecord } from './isRecord.ts';

/**
 * A guest token as the token endpoint answers it, ready to pass to
 * `<DatabrainProvider initialToken>`.
 *
 * @example
 * ```ts
 * import type { IssuedGuestToken } from '@databrain-embed/server';
 * const issued: IssuedGuestToken = { token: 'eyJ…', expiresIn: 30 * 60 * 1000 };
 * ```
 */
export interface IssuedGuestToken {
  token: string;
  /** Lifetime in milliseconds from now; `null` = never expires. */
  expiresIn: number | null;
}

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
  /** The Fetch handler of {@link createGuestTokenHandler}: the route the browser calls. */
  handler: (request: Request) => Promise<Response>;
  /**
   * Mints a token for the user of `source` while the server renders a page,
   * through the very handler the browser calls (same `authorize`, same
   * answers, same `onError`). `source` is the page's `Request`, or its
   * headers (Next.js `await headers()`). Resolves `null` when nobody is
   * signed in. Rejects with a `DatabrainApiError` carrying the handler's
   * status and nothing secret when minting failed (the cause went to
   * `onError`); render without a first token then, the browser asks again.
   */
  mint: (source: Request | Headers, options?: { signal?: AbortSignal }) => Promise<IssuedGuestToken | null>;
}

/** The request `mint` hands the handler: a POST with the page's headers, to the page's host. */
function tokenRequest(source: Request | Headers, signal: AbortSignal | undefined): Request {
  const init: RequestInit = signal === undefined ? { method: 'POST' } : { method: 'POST', signal };
  if (source instanceof Request) return new Request(source.url, { ...init, headers: source.headers });
  const host = source.get('host');
  const origin = host !== null && URL.canParse(`http://${host}`) ? `http://${host}` : 'http://localhost';
  return new Request(new URL('/', origin), { ...init, headers: source });
}

function failedMint(status: number, body: unknown, retryAfter: string | null): DatabrainApiError {
  const error =
    isRecord(body) && isRecord(body.error)
      ? (body.error as Partial<GuestTokenHandlerErrorBody['error']>)
      : {};
  const seconds = retryAfter === null ? Number.NaN : Number(retryAfter);
  return new DatabrainApiError({
    status,
    code: status === 503 ? 'RATE_LIMIT_EXCEEDED' : 'UNKNOWN_ERROR',
    message: `Could not mint a guest token while rendering: the token handler answered ${status} ${
      typeof error.code === 'string' ? error.code : ''
    } (its onError received the cause).`,
    ...(Number.isFinite(seconds) ? { retryAfter: seconds } : {}),
  });
}

/**
 * Creates the token endpoint and a server-side mint from ONE definition of
 * who gets which grant, so a server-rendered page can hand the first token
 * to `<DatabrainProvider initialToken>` (no round trip before the first
 * paint) while the browser's refreshes use the route. Takes the options of
 * {@link createGuestTokenHandler}; `mint` runs through that same handler.
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
  const handler = createGuestTokenHandler(options);
  return {
    handler,
    async mint(source, mintOptions = {}) {
      const response = await handler(tokenRequest(source, mintOptions.signal));
      const body: unknown = await response.json();
      if (response.status === 401) return null;
      if (
        response.status === 200 &&
        isRecord(body) &&
        typeof body.token === 'string' &&
        (typeof body.expiresIn === 'number' || body.expiresIn === null)
      ) {
        return { token: body.token, expiresIn: body.expiresIn };
      }
      throw failedMint(response.status, body, response.headers.get('retry-after'));
    },
  };
}
