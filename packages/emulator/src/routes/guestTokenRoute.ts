import { parseGuestTokenRequest } from '@databrain-embed/core';
import { EmulatorHttpError } from '../EmulatorHttpError.ts';
import type { GuestTokenClaims } from '../GuestTokenClaims.ts';
import { readBearer } from '../readBearer.ts';
import type { RouteContext, RouteHandlers, RouteResult } from './RouteContext.ts';
import { validated } from './validated.ts';

const fail = (code: string, message: string): EmulatorHttpError =>
  EmulatorHttpError.documented('guestToken', code, message);

async function createGuestToken(context: RouteContext): Promise<RouteResult> {
  const { state } = context;
  const credential = state.classify(readBearer(context.request));
  if (credential.kind === 'none') {
    throw fail('AUTHENTICATION_ERROR', 'Missing API key: send `Authorization: Bearer <data app API key>`.');
  }
  if (credential.kind === 'serviceToken') {
    throw fail(
      'AUTHENTICATION_ERROR',
      'Wrong credential kind: guest tokens are created with a data-app API key, not a service token.',
    );
  }
  if (credential.kind === 'unknown') throw fail('AUTHENTICATION_ERROR', 'Invalid or expired API key.');

  const request = validated('guestToken', parseGuestTokenRequest, await context.json());
  if (!state.dataApps.has(request.dataAppName) || credential.dataAppName !== request.dataAppName) {
    // The same answer for "no such app" and "not this key's app", so a key
    // cannot be used to discover other data apps.
    throw fail('DATA_APP_ID_ERROR', 'Data app not found for this API key; check `dataAppName`.');
  }
  if (request.datasourceName !== undefined && !state.datasources.has(request.datasourceName)) {
    throw fail(
      'INVALID_REQUEST_BODY',
      'Unknown `datasourceName`: no datasource of this organization has that name.',
    );
  }
  const params = request.params ?? {};
  const embedOf = (id: string) => state.findEmbed(request.dataAppName, id);
  for (const [index, id] of (params.allowedEmbeds ?? []).entries()) {
    if (!embedOf(id)) {
      throw fail('DASHBOARD_PARAM_ERROR', `params.allowedEmbeds[${index}] is not an embed of this data app.`);
    }
  }
  for (const [index, filter] of (params.appFilters ?? []).entries()) {
    if (embedOf(filter.metricId)?.type !== 'metric') {
      throw fail(
        'APP_FILTER_PARAM_ERROR',
        `params.appFilters[${index}].metricId is not a metric embed of this data app.`,
      );
    }
  }
  for (const [index, filter] of (params.rlsSettings ?? []).entries()) {
    if (embedOf(filter.metricId)?.type !== 'metric') {
      throw fail(
        'RLS_SETTINGS_PARAM_ERROR',
        `params.rlsSettings[${index}].metricId is not a metric embed of this data app.`,
      );
    }
  }
  for (const [index, filter] of (params.dashboardAppFilters ?? []).entries()) {
    if (embedOf(filter.dashboardId)?.type !== 'dashboard') {
      throw fail(
        'DASHBOARD_PARAM_ERROR',
        `params.dashboardAppFilters[${index}].dashboardId is not a dashboard embed of this data app.`,
      );
    }
  }

  const issuedAt = context.now();
  const claims: GuestTokenClaims = {
    clientId: request.clientId,
    dataAppName: request.dataAppName,
    params,
    permissions: request.permissions ?? {},
    datasourceName: request.datasourceName ?? null,
    issuedAt,
    expiresAt: request.expiryTime === undefined ? null : issuedAt + request.expiryTime,
  };
  const token = globalThis.crypto.randomUUID();
  state.tokens.set(token, claims);
  return { status: 200, body: { token } };
}

/** `POST /api/v2/guest-token/create`. */
export const guestTokenRoute: RouteHandlers = { POST: createGuestToken };
