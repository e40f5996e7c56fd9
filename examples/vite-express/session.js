// @ts-check

/** The two tenants of the demo; a real app reads its own session instead. */
export const TENANTS = /** @type {const} */ (['acme', 'globex']);

/** @typedef {(typeof TENANTS)[number]} Tenant */

/**
 * The signed-in tenant from the fake `demo-tenant` cookie, or `null`.
 * @param {string | null | undefined} cookieHeader
 * @returns {Tenant | null}
 */
export function readTenant(cookieHeader) {
  const value = /(?:^|;\s*)demo-tenant=([^;]*)/.exec(cookieHeader ?? '')?.[1];
  return TENANTS.find((tenant) => tenant === value) ?? null;
}

/**
 * The `Set-Cookie` value that signs the browser in as `tenant`.
 * @param {Tenant} tenant
 */
export function tenantCookie(tenant) {
  return `demo-tenant=${tenant}; Path=/; HttpOnly; SameSite=Lax`;
}
