import type { ExpiresIn, GuestTokenInputParams, GuestTokenPermissions } from '@databrain-embed/core';

/**
 * What a story changes in its persona's token
 * (`parameters.databrain.token`): `params` and `permissions` are merged key
 * by key over the persona's (a story's `appFilters` replaces the persona's),
 * `expiresIn` replaces its lifetime. The tenant stays the persona's.
 *
 * @example
 * ```ts
 * import type { TokenOverrides } from '@databrain-embed/storybook';
 * const downloads: TokenOverrides = { permissions: { isEnableDownloadMetrics: true }, expiresIn: '15s' };
 * ```
 */
export interface TokenOverrides {
  readonly params?: GuestTokenInputParams;
  readonly permissions?: GuestTokenPermissions;
  readonly expiresIn?: ExpiresIn;
}
