import * as z from 'zod';
import { type AppFilter, appFilterSchema } from './appFilter.ts';
import { closedObject } from './closedObject.ts';
import { type DashboardAppFilter, dashboardAppFilterSchema } from './dashboardAppFilter.ts';
import { type GuestTokenPermissions, permissionsSchema } from './permissions.ts';
import { requiredText } from './requiredText.ts';
import { isIanaTimeZone } from './timezone.ts';

/**
 * The `params` of a guest-token request, with DataBrain's wire names.
 *
 * - `allowedEmbeds`: the only embed ids the token may open; absent means no
 *   restriction. Sent whenever given (one report says some environments
 *   reject it; DataBrain documents it, so we do not second-guess it).
 * - `rlsSettings`: the older per-metric row-level override, same shape as
 *   `appFilters`. Accepted as legacy because DataBrain still documents its
 *   error code; prefer `appFilters` in new code.
 * - `timezone`: an IANA zone, honoured only on some databases (ClickHouse,
 *   Trino, Redshift, CockroachDB, Postgres, MSSQL).
 *
 * @example
 * ```ts
 * import type { GuestTokenParams } from '@databrain-embed/core';
 * const params: GuestTokenParams = {
 *   appFilters: [{ metricId: 'revenue', values: { country: 'USA' } }],
 *   hideDashboardFilters: ['internal_filter'],
 *   userIdentifier: 'user-42',
 *   timezone: 'America/New_York',
 * };
 * ```
 */
export interface GuestTokenParams {
  appFilters?: AppFilter[];
  dashboardAppFilters?: DashboardAppFilter[];
  hideDashboardFilters?: string[];
  userIdentifier?: string;
  allowedEmbeds?: string[];
  timezone?: string;
  rlsSettings?: AppFilter[];
}

/**
 * The body of `POST /api/v2/guest-token/create`, exactly as sent.
 *
 * - `clientId`: your tenant id, fed to DataBrain's row-level tenancy. The
 *   literal `'None'` is allowed and disables tenancy filtering: use it only
 *   when the datasource has no tenancy configured.
 * - `dataAppName`: any non-empty name. DataBrain's docs say "alphanumeric"
 *   but their own examples use hyphens and spaces, so we do not restrict it.
 * - `expiryTime`: milliseconds from now; absent means the token never expires.
 * - `datasourceName`: only for workspaces with several datasources.
 *
 * @example
 * ```ts
 * import type { GuestTokenRequest } from '@databrain-embed/core';
 * const body: GuestTokenRequest = { clientId: 'tenant-7', dataAppName: 'sales', expiryTime: 3_600_000 };
 * ```
 */
export interface GuestTokenRequest {
  clientId: string;
  dataAppName: string;
  params?: GuestTokenParams;
  permissions?: GuestTokenPermissions;
  expiryTime?: number;
  datasourceName?: string;
}

/**
 * The success body of `POST /api/v2/guest-token/create`.
 *
 * @example
 * ```ts
 * import type { GuestTokenResponse } from '@databrain-embed/core';
 * const response: GuestTokenResponse = { token: '3f0c2a4e-8d7b-4f55-9b1e-2c6d9a7e1f00' };
 * ```
 */
export interface GuestTokenResponse {
  token: string;
}

const names = (what: string) => z.array(requiredText(), { error: `must be an array of ${what}` });
const appFilters = z.array(appFilterSchema, { error: 'must be an array of app filters' });

/**
 * Validates `params` of a guest-token request.
 *
 * @example
 * ```ts
 * import { guestTokenParamsSchema } from '@databrain-embed/core';
 * guestTokenParamsSchema.safeParse({ timezone: 'Mars/Olympus' }).success; // false
 * ```
 */
export const guestTokenParamsSchema: z.ZodType<GuestTokenParams> = closedObject(
  {
    appFilters: appFilters.exactOptional(),
    dashboardAppFilters: z
      .array(dashboardAppFilterSchema, { error: 'must be an array of dashboard app filters' })
      .exactOptional(),
    hideDashboardFilters: names('filter names').exactOptional(),
    userIdentifier: requiredText().exactOptional(),
    allowedEmbeds: names('embed ids')
      .min(1, 'must list at least one embed id (omit it to allow every embed)')
      .exactOptional(),
    timezone: requiredText()
      .refine(isIanaTimeZone, 'must be an IANA time-zone name such as "America/New_York" or "UTC"')
      .exactOptional(),
    rlsSettings: appFilters.exactOptional(),
  },
  'must be an object',
);

/**
 * The rules of every guest-token request field except the lifetime, shared by
 * {@link guestTokenRequestSchema} (with `expiryTime`) and the input schema of
 * `buildGuestTokenRequest` (with `expiresIn`), so both apply the same rules.
 */
export const guestTokenFields: {
  clientId: z.ZodString;
  dataAppName: z.ZodString;
  params: z.ZodExactOptional<z.ZodType<GuestTokenParams>>;
  permissions: z.ZodExactOptional<z.ZodType<GuestTokenPermissions>>;
  datasourceName: z.ZodExactOptional<z.ZodString>;
} = {
  clientId: requiredText(),
  dataAppName: requiredText(),
  params: guestTokenParamsSchema.exactOptional(),
  permissions: permissionsSchema.exactOptional(),
  datasourceName: requiredText().exactOptional(),
};

const { clientId, dataAppName, params, permissions, datasourceName } = guestTokenFields;

/**
 * Validates a guest-token request body as sent on the wire (with
 * `expiryTime`, not `expiresIn`). Unknown keys are rejected at their own
 * path, so a misspelled or misplaced field is caught rather than ignored.
 *
 * @example
 * ```ts
 * import { guestTokenRequestSchema } from '@databrain-embed/core';
 * guestTokenRequestSchema.safeParse({ clientId: 'None', dataAppName: 'sales' }).success; // true
 * ```
 */
export const guestTokenRequestSchema: z.ZodType<GuestTokenRequest> = closedObject(
  {
    clientId,
    dataAppName,
    params,
    permissions,
    expiryTime: z
      .number({ error: 'must be a number of milliseconds' })
      .int('must be a positive integer of milliseconds')
      .positive('must be a positive integer of milliseconds')
      .exactOptional(),
    datasourceName,
  },
  'must be an object',
);
