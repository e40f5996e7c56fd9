import type { GuestTokenInput } from '@databrain-embed/core';
import type { DatabrainPersona } from './DatabrainStorybookConfig.ts';
import type { TokenOverrides } from './TokenOverrides.ts';

/**
 * What the token endpoint grants: a guest-token request without the data app
 * (the same shape as the server's `GuestTokenGrant`).
 */
export type StoryGrant = Omit<GuestTokenInput, 'dataAppName'>;

/**
 * The grant for a persona with a story's overrides: `params` and
 * `permissions` merged key by key over the persona's, `expiresIn` replaced.
 * The tenant (`clientId`) is always the persona's. Both token routes (the dev
 * server's and the static build's) and the DataBrain panel use it, so the
 * panel shows exactly what was minted.
 *
 * @example
 * ```ts
 * grantForPersona({ clientId: 'acme', permissions: { isShowSideBar: false } }, { expiresIn: '15s' });
 * // { clientId: 'acme', permissions: { isShowSideBar: false }, expiresIn: '15s' }
 * ```
 */
export function grantForPersona(persona: DatabrainPersona, overrides: TokenOverrides = {}): StoryGrant {
  const { label: _label, ...grant } = persona;
  const params = overrides.params ? { ...grant.params, ...overrides.params } : grant.params;
  const permissions = overrides.permissions
    ? { ...grant.permissions, ...overrides.permissions }
    : grant.permissions;
  const expiresIn = overrides.expiresIn ?? grant.expiresIn;
  return {
    clientId: grant.clientId,
    ...(params === undefined ? {} : { params }),
    ...(permissions === undefined ? {} : { permissions }),
    ...(expiresIn === undefined ? {} : { expiresIn }),
  };
}
