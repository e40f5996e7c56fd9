import type { AppFilter, AppFilterFor } from './appFilter.ts';
import { closedObject } from './closedObject.ts';
import type { DashboardAppFilterFor } from './dashboardAppFilter.ts';
import type { DashboardFilterName, EmbedCatalog, EmbedId, LooseCatalog } from './embedCatalog.ts';
import { type ExpiresIn, expiresInSchema, toExpiryTime } from './expiresIn.ts';
import { type GuestTokenRequest, guestTokenFields } from './guestTokenSchema.ts';
import type { GuestTokenPermissions } from './permissions.ts';
import { validate } from './validate.ts';

/**
 * The `params` of a {@link GuestTokenInput}: the wire
 * {@link GuestTokenParams}, with filters, `allowedEmbeds` and
 * `hideDashboardFilters` checked against the catalog `C`.
 *
 * @example
 * ```ts
 * import type { GuestTokenInputParams } from '@databrain-embed/core';
 * type Embeds = { dashboards: { sales: { region: string[] } } };
 * const params: GuestTokenInputParams<Embeds> = { allowedEmbeds: ['sales'], hideDashboardFilters: ['region'] };
 * ```
 */
export interface GuestTokenInputParams<C extends EmbedCatalog = LooseCatalog> {
  appFilters?: AppFilterFor<C>[];
  dashboardAppFilters?: DashboardAppFilterFor<C>[];
  hideDashboardFilters?: DashboardFilterName<C>[];
  userIdentifier?: string;
  allowedEmbeds?: EmbedId<C>[];
  timezone?: string;
  /** Legacy per-metric row-level override; prefer `appFilters`. */
  rlsSettings?: AppFilter[];
}

/**
 * What you pass to {@link buildGuestTokenRequest}: the wire body with
 * `expiresIn` (friendly, defaults to one hour) in place of `expiryTime`.
 * With a catalog `C` (see {@link defineEmbeds}) ids and filters are checked
 * at compile time; without one anything well-formed is accepted.
 *
 * @example
 * ```ts
 * import type { GuestTokenInput } from '@databrain-embed/core';
 * const input: GuestTokenInput = {
 *   clientId: 'tenant-7',
 *   dataAppName: 'sales',
 *   params: { userIdentifier: 'user-42' },
 *   permissions: { isShowSideBar: false },
 *   expiresIn: '8h',
 * };
 * ```
 */
export interface GuestTokenInput<C extends EmbedCatalog = LooseCatalog> {
  /** Your tenant id; `'None'` disables tenancy filtering. */
  clientId: string;
  /** The data app's name; not restricted to alphanumerics. */
  dataAppName: string;
  params?: GuestTokenInputParams<C>;
  permissions?: GuestTokenPermissions;
  /** Token lifetime; omitted means one hour, `'never'` means no expiry. */
  expiresIn?: ExpiresIn;
  /** Only for workspaces with several datasources. */
  datasourceName?: string;
}

const { clientId, dataAppName, params, permissions, datasourceName } = guestTokenFields;

// The wire schema's rules, with the friendly `expiresIn` in place of `expiryTime`.
const inputSchema = closedObject(
  { clientId, dataAppName, params, permissions, expiresIn: expiresInSchema.exactOptional(), datasourceName },
  'must be an object',
);

/**
 * Validates `input` and returns the exact body for
 * `POST /api/v2/guest-token/create`: only the keys you gave, with `expiresIn`
 * turned into `expiryTime` (milliseconds; one hour when omitted, absent for
 * `'never'`). Throws {@link DatabrainValidationError} listing every issue,
 * by path, before anything is sent. Messages never repeat your values.
 *
 * @example
 * ```ts
 * import { appFilter, buildGuestTokenRequest } from '@databrain-embed/core';
 * const body = buildGuestTokenRequest({
 *   clientId: 'tenant-7',
 *   dataAppName: 'sales',
 *   params: { appFilters: [appFilter('revenue', { country: 'USA' })], timezone: 'Europe/Paris' },
 *   expiresIn: '1h',
 * });
 * // { clientId: 'tenant-7', dataAppName: 'sales', params: {...}, expiryTime: 3600000 }
 * ```
 */
export function buildGuestTokenRequest<C extends EmbedCatalog = LooseCatalog>(
  input: GuestTokenInput<C>,
): GuestTokenRequest {
  const { expiresIn, ...rest } = validate(inputSchema, input, 'guest token request');
  const body: GuestTokenRequest = rest;
  const expiryTime = toExpiryTime(expiresIn);
  if (expiryTime !== undefined) body.expiryTime = expiryTime;
  return body;
}
