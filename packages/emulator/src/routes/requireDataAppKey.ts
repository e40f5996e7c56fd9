import type { DatabrainEndpoint } from '@databrain-embed/core';
import { EmulatorHttpError } from '../EmulatorHttpError.ts';
import { readBearer } from '../readBearer.ts';
import type { RouteContext } from './RouteContext.ts';

/**
 * Checks that the request carries a data-app API key and returns the name of
 * its data app. Every other credential is answered with
 * `INVALID_DATA_APP_API_KEY`, the one credential error the data endpoints
 * document, at the status core's table gives for `endpoint`.
 */
export function requireDataAppKey(context: RouteContext, endpoint: DatabrainEndpoint): string {
  const credential = context.state.classify(readBearer(context.request));
  if (credential.kind === 'apiKey') return credential.dataAppName;
  const message =
    credential.kind === 'none'
      ? 'Missing API key: send `Authorization: Bearer <data app API key>`.'
      : credential.kind === 'serviceToken'
        ? 'A service token cannot call this endpoint: it requires the data app API key.'
        : 'Missing or invalid data app API key.';
  throw EmulatorHttpError.documented(endpoint, 'INVALID_DATA_APP_API_KEY', message);
}
