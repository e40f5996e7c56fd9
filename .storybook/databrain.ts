/**
 * The DataBrain side of this Storybook, read by `@databrain-embed/storybook`:
 * the data app the stories embed, its sample rows, and the signed-in users
 * (personas) of the toolbar. The token endpoint maps a persona to its tenant,
 * filters, permissions and lifetime; the browser never sends those itself,
 * exactly as a real app's backend decides them from its session.
 */
import { SAMPLE_ROWS } from '@databrain-embed/emulator/handler';
import { type DatabrainRow, defineDatabrainStorybook } from '@databrain-embed/storybook';

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

/**
 * Sales of three tenants, four rows each: what every embed of the demo app shows. The emulator's
 * own sample table, so the docs pages that describe it and these stories show the same rows.
 */
const SALES: readonly DatabrainRow[] = SAMPLE_ROWS.map((row) => ({ ...row }));

const HOUR = 60 * 60 * 1000;

const databrain = defineDatabrainStorybook({
  dataAppName: 'demo-app',
  embeds: [
    {
      embedId: 'sales-overview',
      type: 'dashboard',
      name: 'Sales overview',
      rows: SALES,
      // What `useMetricData({ metricId: 'revenue-by-region' })` asks; its rows are the embed's.
      metrics: [{ metricId: 'revenue-by-region', name: 'Revenue by region' }],
    },
    { embedId: 'customer-health', type: 'dashboard', name: 'Customer health', rows: SALES },
    { embedId: 'revenue', type: 'metric', name: 'Revenue', rows: SALES },
    { embedId: 'active-users', type: 'metric', name: 'Active users', rows: SALES },
  ],
  tenantColumn: 'tenant',
  // The filters a headless story may choose (`useMetricData({ filters })`); the personas' own
  // filters (Globex's region) always win.
  dataFilters: ['product', 'region'],
  personas: {
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
  },
  defaultPersona: 'acme-viewer',
});

export default databrain;

/** A persona of this Storybook, by name. */
export type PersonaName = keyof typeof databrain.personas;

/** Every persona's name, in the toolbar's order. */
export const PERSONA_NAMES: readonly PersonaName[] = Object.keys(databrain.personas) as PersonaName[];
