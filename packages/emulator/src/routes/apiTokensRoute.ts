import { type ApiTokenRequest, type ApiTokenResponse, buildApiTokenRequest } from '@databrain-embed/core';
import { EmulatorHttpError } from '../EmulatorHttpError.ts';
import type { RouteContext, RouteHandlers, RouteResult } from './RouteContext.ts';
import { requireServiceToken } from './requireServiceToken.ts';
import { validated } from './validated.ts';

async function createApiToken(context: RouteContext): Promise<RouteResult> {
  requireServiceToken(context, 'apiTokens', 'AUTHENTICATION_ERROR');
  const body = validated(
    'apiTokens',
    (input) => buildApiTokenRequest(input as ApiTokenRequest),
    await context.json(),
  );
  const { state } = context;
  if (!state.dataApps.has(body.dataAppName)) {
    throw EmulatorHttpError.documented(
      'apiTokens',
      'DATA_APP_NOT_FOUND',
      'No data app with this `dataAppName`.',
    );
  }
  const key = globalThis.crypto.randomUUID();
  state.apiKeys.set(key, body.dataAppName);
  const response: ApiTokenResponse = { key };
  return { status: 200, body: response };
}

/** `POST /api/v2/data-app/api-tokens` and its legacy alias `/api/v2/dataApp/api-tokens`. */
export const apiTokensRoute: RouteHandlers = { POST: createApiToken };
