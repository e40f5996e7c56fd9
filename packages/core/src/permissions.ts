import * as z from 'zod';
import { closedObject } from './closedObject.ts';
import { validate } from './validate.ts';

/**
 * Every guest-token permission key this library accepts, with its wire name,
 * what it does and how sure we are of the name.
 *
 * DataBrain's docs describe ten permissions but render none of their JSON
 * names. Eight names are `'observed'` in working sample code. Two are
 * `'inferred'` from the naming pattern and were never seen in a public source:
 * `isEnableArchiveMetrics` and `isDisableMetricCreation`. They are accepted
 * so they can be sent, but DataBrain may ignore them. Any key not in this
 * table is rejected, at compile time and at run time ("unknown permission
 * key"), because a misspelled permission would otherwise be dropped silently.
 * Defaults are not documented: set every key you rely on explicitly.
 *
 * | key | evidence |
 * | --- | --- |
 * | `isEnableArchiveMetrics` | inferred |
 * | `isEnableManageMetrics` | observed |
 * | `isEnableCreateDashboardView` | observed |
 * | `isEnableMetricUpdation` | observed |
 * | `isEnableCustomizeLayout` | observed |
 * | `isEnableUnderlyingData` | observed |
 * | `isEnableDownloadMetrics` | observed |
 * | `isShowSideBar` | observed |
 * | `isShowDashboardName` | observed |
 * | `isDisableMetricCreation` | inferred |
 *
 * @example
 * ```ts
 * import { PERMISSIONS } from '@databrain-embed/core';
 * const unsure = PERMISSIONS.filter((p) => p.evidence === 'inferred').map((p) => p.key);
 * // ['isEnableArchiveMetrics', 'isDisableMetricCreation']
 * ```
 */
export const PERMISSIONS: readonly [
  { readonly key: 'isEnableArchiveMetrics'; readonly description: string; readonly evidence: 'inferred' },
  { readonly key: 'isEnableManageMetrics'; readonly description: string; readonly evidence: 'observed' },
  {
    readonly key: 'isEnableCreateDashboardView';
    readonly description: string;
    readonly evidence: 'observed';
  },
  { readonly key: 'isEnableMetricUpdation'; readonly description: string; readonly evidence: 'observed' },
  { readonly key: 'isEnableCustomizeLayout'; readonly description: string; readonly evidence: 'observed' },
  { readonly key: 'isEnableUnderlyingData'; readonly description: string; readonly evidence: 'observed' },
  { readonly key: 'isEnableDownloadMetrics'; readonly description: string; readonly evidence: 'observed' },
  { readonly key: 'isShowSideBar'; readonly description: string; readonly evidence: 'observed' },
  { readonly key: 'isShowDashboardName'; readonly description: string; readonly evidence: 'observed' },
  { readonly key: 'isDisableMetricCreation'; readonly description: string; readonly evidence: 'inferred' },
] = [
  { key: 'isEnableArchiveMetrics', description: 'Allow archiving metrics.', evidence: 'inferred' },
  {
    key: 'isEnableManageMetrics',
    description: 'Allow managing metrics (view, edit, organize).',
    evidence: 'observed',
  },
  {
    key: 'isEnableCreateDashboardView',
    description: 'Allow creating custom dashboard views.',
    evidence: 'observed',
  },
  {
    key: 'isEnableMetricUpdation',
    description: 'Allow updating metric configuration.',
    evidence: 'observed',
  },
  {
    key: 'isEnableCustomizeLayout',
    description: 'Allow customizing the dashboard layout.',
    evidence: 'observed',
  },
  { key: 'isEnableUnderlyingData', description: 'Allow viewing the underlying data.', evidence: 'observed' },
  { key: 'isEnableDownloadMetrics', description: 'Allow downloading metric data.', evidence: 'observed' },
  { key: 'isShowSideBar', description: 'Show the sidebar navigation.', evidence: 'observed' },
  { key: 'isShowDashboardName', description: 'Show the dashboard name.', evidence: 'observed' },
  {
    key: 'isDisableMetricCreation',
    description: 'Stop end users from creating metrics (true disables).',
    evidence: 'inferred',
  },
];

/**
 * A permission key from {@link PERMISSIONS}.
 *
 * @example
 * ```ts
 * import type { PermissionKey } from '@databrain-embed/core';
 * const key: PermissionKey = 'isShowSideBar';
 * ```
 */
export type PermissionKey = (typeof PERMISSIONS)[number]['key'];

/**
 * The `permissions` object of a guest-token request: UI switches for the
 * embedded view, keyed by their wire names (see {@link PERMISSIONS}).
 *
 * @example
 * ```ts
 * import type { GuestTokenPermissions } from '@databrain-embed/core';
 * const readOnly: GuestTokenPermissions = { isEnableManageMetrics: false, isEnableDownloadMetrics: false };
 * ```
 */
export type GuestTokenPermissions = { [K in PermissionKey]?: boolean };

const flag = z.boolean({ error: 'must be a boolean (true or false)' });

/**
 * Validates a `permissions` object: only keys from {@link PERMISSIONS}, each a
 * boolean. An unknown key is reported at its own path.
 *
 * @example
 * ```ts
 * import { permissionsSchema } from '@databrain-embed/core';
 * permissionsSchema.safeParse({ isShowSideBar: 'yes' }).success; // false
 * ```
 */
export const permissionsSchema: z.ZodType<GuestTokenPermissions> = closedObject(
  Object.fromEntries(PERMISSIONS.map((permission) => [permission.key, flag.exactOptional()])) as Record<
    PermissionKey,
    z.ZodExactOptional<z.ZodBoolean>
  >,
  'must be an object of permission flags',
  'permission key',
);

/**
 * Builds a `permissions` object, rejecting unknown keys (at compile time and
 * at run time) and non-boolean values with a {@link DatabrainValidationError}.
 *
 * @example
 * ```ts
 * import { permissions } from '@databrain-embed/core';
 * const perms = permissions({ isShowSideBar: false, isEnableDownloadMetrics: true });
 * ```
 */
export function permissions<const P extends GuestTokenPermissions>(
  flags: P & Record<Exclude<keyof P, PermissionKey>, never>,
): GuestTokenPermissions {
  return validate(permissionsSchema, flags, 'permissions');
}
