/**
 * The signed-in users the stories can pretend to be. A story names a persona in
 * the token endpoint's query (`/api/databrain/token?user=acme-viewer`); the
 * server maps the name to a tenant, filters, permissions and lifetime from this
 * table. The browser never sends those values itself, exactly as a real app's
 * backend decides them from its session.
 */

import type { GuestTokenGrant } from '@databrain-embed/server';

export interface Persona extends GuestTokenGrant {
  /** Shown in stories and docs. */
  readonly label: string;
  /** Token lifetime in ms, or `'never'`. Every persona sets it, so stories can rely on it. */
  readonly expiresIn: number | 'never';
  /**
   * The token endpoint answers 503 for this persona until the story brings it
   * back (`POST /api/databrain/outage?session=…&down=false`).
   */
  readonly outage?: boolean;
  /** The token endpoint answers this many ms late (a slow backend). */
  readonly delay?: number;
}

const HOUR = 60 * 60 * 1000;

/** Sees dashboards, cannot change, download or drill into anything. */
export const VIEWER_PERMISSIONS: Record<string, boolean> = {
  isEnableArchiveMetrics: false,
  isEnableManageMetrics: false,
  isEnableCreateDashboardView: false,
  isEnableMetricUpdation: false,
  isEnableCustomizeLayout: false,
  isEnableUnderlyingData: false,
  isEnableDownloadMetrics: false,
  isShowSideBar: false,
  isShowDashboardName: true,
};

/** A viewer who may also download metric data and see the rows behind a chart. */
export const ANALYST_PERMISSIONS: Record<string, boolean> = {
  ...VIEWER_PERMISSIONS,
  isEnableUnderlyingData: true,
  isEnableDownloadMetrics: true,
};

/** May change everything the embed allows. */
export const EDITOR_PERMISSIONS: Record<string, boolean> = {
  isEnableArchiveMetrics: true,
  isEnableManageMetrics: true,
  isEnableCreateDashboardView: true,
  isEnableMetricUpdation: true,
  isEnableCustomizeLayout: true,
  isEnableUnderlyingData: true,
  isEnableDownloadMetrics: true,
  isShowSideBar: true,
  isShowDashboardName: true,
};

export const PERSONAS = {
  'acme-viewer': {
    label: 'Acme viewer (read-only)',
    clientId: 'acme',
    permissions: VIEWER_PERMISSIONS,
    expiresIn: HOUR,
  },
  'acme-analyst': {
    label: 'Acme analyst (download, underlying data)',
    clientId: 'acme',
    permissions: ANALYST_PERMISSIONS,
    expiresIn: HOUR,
  },
  'acme-editor': {
    label: 'Acme editor (everything)',
    clientId: 'acme',
    permissions: EDITOR_PERMISSIONS,
    expiresIn: HOUR,
    params: { userIdentifier: 'ada@acme.example' },
  },
  'globex-na-manager': {
    label: 'Globex manager, North America only',
    clientId: 'globex',
    permissions: VIEWER_PERMISSIONS,
    expiresIn: HOUR,
    params: {
      appFilters: [{ metricId: 'revenue', values: { region: 'NA' } }],
      dashboardAppFilters: [{ dashboardId: 'sales-overview', values: { region: 'NA' } }],
    },
  },
  'initech-viewer': {
    label: 'Initech viewer',
    clientId: 'initech',
    permissions: VIEWER_PERMISSIONS,
    expiresIn: HOUR,
  },
  'acme-emea-sales': {
    label: 'Acme sales, EMEA region (filters hidden from the URL and the filter bar)',
    clientId: 'acme',
    permissions: VIEWER_PERMISSIONS,
    expiresIn: HOUR,
    params: {
      dashboardAppFilters: [
        { dashboardId: 'sales-overview', values: { region: 'EMEA' }, isShowOnUrl: false },
        { dashboardId: 'sales-overview', values: { product: ['Analytics', 'Reports'] }, isShowOnUrl: true },
      ],
      hideDashboardFilters: ['region'],
    },
  },
  'acme-short-lived': {
    label: 'Acme viewer with a 15-second token',
    clientId: 'acme',
    permissions: VIEWER_PERMISSIONS,
    expiresIn: 15_000,
  },
  'acme-expiring': {
    label: 'Acme viewer with a 5-second token',
    clientId: 'acme',
    permissions: VIEWER_PERMISSIONS,
    expiresIn: 5_000,
  },
  'acme-slow': {
    label: 'Acme viewer behind a slow backend (4 s)',
    clientId: 'acme',
    permissions: VIEWER_PERMISSIONS,
    expiresIn: HOUR,
    delay: 4_000,
  },
  'acme-outage': {
    label: 'Acme viewer whose token endpoint is down',
    clientId: 'acme',
    permissions: VIEWER_PERMISSIONS,
    expiresIn: HOUR,
    outage: true,
  },
} satisfies Record<string, Persona>;

export type PersonaName = keyof typeof PERSONAS;

export const PERSONA_NAMES: readonly PersonaName[] = Object.keys(PERSONAS) as PersonaName[];

/** The persona with this name, or `undefined` for a name the table does not know. */
export function findPersona(name: string | null | undefined): Persona | undefined {
  if (!name || !Object.hasOwn(PERSONAS, name)) return undefined;
  return PERSONAS[name as PersonaName];
}
