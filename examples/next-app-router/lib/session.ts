/** The two tenants of the demo; a real app reads its own session instead. */
export const TENANTS = ['acme', 'globex'] as const;

export type Tenant = (typeof TENANTS)[number];

/** The signed-in tenant from the fake `demo-tenant` cookie, or `null`. */
export function readTenant(cookieHeader: string | null | undefined): Tenant | null {
  const value = /(?:^|;\s*)demo-tenant=([^;]*)/.exec(cookieHeader ?? '')?.[1];
  return TENANTS.find((tenant) => tenant === value) ?? null;
}
