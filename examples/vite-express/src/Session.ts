/** What `GET /api/session` answers. */
export interface Session {
  tenant: string | null;
  tenants: string[];
  embeds: { dashboardId: string; metricId: string };
  elements: { kind: 'preview'; apiUrl: string } | { kind: 'databrain' };
}
