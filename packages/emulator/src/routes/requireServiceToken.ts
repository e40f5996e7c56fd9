import type { DatabrainEndpoint } from '@databrain-embed/core';
import { EmulatorHttpError } from '../EmulatorHttpError.ts';
import { readBearer } from '../readBearer.ts';
import type { RouteContext } from './RouteContext.ts';

/**
 * Checks that the request carries a known service token. `code` is the error
 * code the endpoint documents for bad credentials; its status comes from
 * core's table (e.g. 400 on api-tokens, 401 on datasource).
 */
export function requireServiceToken(context: RouteContext, endpoint: DatabrainEndpoint, code: string): void {
  const credential = context.state.classify(readBearer(context.request));
  if (credential.kind === 'serviceToken') return;
  const message =
    credential.kind === 'none'
      ? 'Missing service token: send `Authorization: Bearer <service token>`.'
      : credential.kind === 'apiKey'
        ? 'A data-app API key cannot call this endpoint: it requires a service token (Settings → Service Tokens).'
        : 'Invalid service token.';
  throw EmulatorHttpError.documented(endpoint, code, message, 401);
}
