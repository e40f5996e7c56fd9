/** What `GET /api/session` answers. */
export interface Session {
  tenant: string | null;
  tenants: string[];
  elements: { kind: 'preview'; apiUrl: string } | { kind: 'databrain' };
}
