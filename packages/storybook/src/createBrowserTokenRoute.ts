import {
  buildGuestTokenRequest,
  DATABRAIN_ENDPOINT_TABLE,
  DEFAULT_TOKEN_LIFETIME_MS,
  isDatabrainError,
} from '@databrain-embed/core';
import { authorizeStoryRequest } from './authorizeStoryRequest.ts';
import type { BrowserRouteOptions } from './BrowserRouteOptions.ts';
import { tokenEndpointFailure as failure, jsonAnswer } from './jsonAnswer.ts';

/** One console line per failure, like the server handler's default `onError`: never a stack, never a secret. */
function report(what: string, error: unknown): void {
  const code = isDatabrainError(error) ? ` (${error.code})` : '';
  console.error(
    `[databrain-embed] The Storybook token route ${what}: ${error instanceof Error ? error.message : String(error)}${code}`,
  );
}

/**
 * The token endpoint of a static Storybook, run inside the page: the same
 * contract as the server's `createGuestTokenHandler` (`POST` → `{ token,
 * expiresIn }`, 401 for an unknown persona, 405, 500, 502), the same persona
 * mapping (`authorizeStoryRequest`) and core's `buildGuestTokenRequest`
 * (the server package never runs in a browser), minting from the in-page
 * emulator.
 *
 * @example
 * ```ts
 * const route = createBrowserTokenRoute({
 *   config,
 *   emulator: emulator.fetch,
 *   apiKey: EMULATOR_API_KEY,
 *   cookies: () => document.cookie,
 * });
 * const answer = await route(new Request('/api/databrain/token?persona=acme-viewer', { method: 'POST' }));
 * ```
 */
export function createBrowserTokenRoute(
  options: BrowserRouteOptions,
): (request: Request) => Promise<Response> {
  const { config, emulator, apiKey, cookies } = options;
  const { method, path } = DATABRAIN_ENDPOINT_TABLE.guestToken;

  return async (request) => {
    if (request.method !== 'POST') {
      return failure(405, 'METHOD_NOT_ALLOWED', 'Use POST to request a guest token.', { allow: 'POST' });
    }
    let body: ReturnType<typeof buildGuestTokenRequest>;
    try {
      const grant = await authorizeStoryRequest(config, request, cookies());
      if (grant === null) return failure(401, 'UNAUTHORIZED', 'Sign in to view analytics.');
      body = buildGuestTokenRequest({
        ...grant,
        dataAppName: config.dataAppName,
        // An explicit `undefined` must not turn into a token that never expires.
        expiresIn: grant.expiresIn ?? DEFAULT_TOKEN_LIFETIME_MS,
      });
    } catch (error) {
      report('refused the request', error);
      return failure(500, 'INTERNAL_ERROR', 'Could not create an analytics token.');
    }

    const upstream = await emulator(
      new Request(new URL(path, 'http://emulator.local'), {
        method,
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: request.signal,
      }),
    ).catch((error: unknown) => error);
    const answer = upstream instanceof Response ? await upstream.json().catch(() => undefined) : undefined;
    const token = (answer as { token?: unknown } | undefined)?.token;
    if (!(upstream instanceof Response) || !upstream.ok || typeof token !== 'string') {
      if (!request.signal.aborted) {
        const status = upstream instanceof Response ? `HTTP ${upstream.status}` : 'no answer';
        report('could not mint', new Error(`the emulator answered ${status}`));
      }
      return failure(502, 'UPSTREAM_ERROR', 'The analytics service is unavailable. Try again later.');
    }
    return jsonAnswer(200, { token, expiresIn: body.expiryTime ?? null });
  };
}
