import { DatabrainError } from '@databrain-embed/core/errors';
import { EXPIRED_TOKEN_HEADER } from '@databrain-embed/core/token-endpoint';
import type { FetchToken, TokenEndpointResponse } from '@databrain-embed/react';
import type { TokenOverrides } from './TokenOverrides.ts';

/**
 * The addon provider's token source: `POST` to the addon's token endpoint
 * like `tokenEndpoint` does (same-origin cookies, the expired token as
 * `x-databrain-expired-token`), with the story's token overrides as the JSON
 * body. Failures carry the react package's codes (`TOKEN_HTTP`, …), so error
 * views and the DataBrain panel read them as they read an app's.
 *
 * @example
 * ```ts
 * const fetchToken = createStoryFetchToken('/api/databrain/token?persona=acme-viewer', {});
 * ```
 */
export function createStoryFetchToken(url: string, overrides: TokenOverrides): FetchToken {
  const body = JSON.stringify(overrides);
  const source = `POST ${url}`;
  return async (signal, { expiredToken } = {}) => {
    const response = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'content-type': 'application/json',
        ...(expiredToken ? { [EXPIRED_TOKEN_HEADER]: expiredToken } : {}),
      },
      body,
      signal,
    }).catch((cause: unknown) => {
      throw new DatabrainError('TOKEN_UNREACHABLE', `${source} could not reach the server.`, { cause });
    });
    if (!response.ok) throw new DatabrainError('TOKEN_HTTP', `${source} answered HTTP ${response.status}.`);
    return (await response.json().catch((cause: unknown) => {
      throw new DatabrainError('TOKEN_NOT_JSON', `${source} answered no JSON.`, { cause });
    })) as TokenEndpointResponse;
  };
}
