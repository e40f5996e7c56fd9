/**
 * The DataBrain side of this example's Storybook: the two embeds of the
 * Analytics page with sample rows of our own, and the signed-in users of the
 * Persona toolbar. The addon mints each persona's token with the real token
 * handler and shows it only its tenant's rows, as the Express backend and
 * DataBrain do for the running app.
 */
import { defineDatabrainStorybook } from '@databrain-embed/storybook';

export default defineDatabrainStorybook({
  dataAppName: 'vite-express-analytics',
  embeds: [
    {
      embedId: 'sales-overview',
      type: 'dashboard',
      name: 'Sales overview',
      // Orders by month, plan and sales channel; revenue in euros.
      rows: [
        { tenant: 'acme', month: '2025-01', plan: 'Starter', channel: 'web', orders: 42, revenue: 4180 },
        { tenant: 'acme', month: '2025-02', plan: 'Business', channel: 'web', orders: 17, revenue: 8330 },
        { tenant: 'acme', month: '2025-03', plan: 'Business', channel: 'partner', orders: 9, revenue: 4410 },
        { tenant: 'globex', month: '2025-01', plan: 'Scale', channel: 'sales', orders: 3, revenue: 27000 },
        { tenant: 'globex', month: '2025-02', plan: 'Starter', channel: 'web', orders: 58, revenue: 5742 },
        { tenant: 'globex', month: '2025-03', plan: 'Scale', channel: 'partner', orders: 6, revenue: 2940 },
      ],
    },
    {
      embedId: 'revenue',
      type: 'metric',
      name: 'Revenue',
      rows: [
        { tenant: 'acme', quarter: '2025-Q1', revenue: 16920, recurring: true },
        { tenant: 'globex', quarter: '2025-Q1', revenue: 51242, recurring: true },
      ],
    },
  ],
  tenantColumn: 'tenant',
  personas: {
    'acme-viewer': {
      label: 'Acme viewer',
      clientId: 'acme',
      params: { userIdentifier: 'acme-analyst' },
      permissions: {
        isEnableManageMetrics: false,
        isEnableDownloadMetrics: false,
        isEnableUnderlyingData: false,
      },
    },
    'globex-editor': {
      label: 'Globex editor',
      clientId: 'globex',
      params: { userIdentifier: 'globex-analyst' },
      permissions: {
        isEnableManageMetrics: true,
        isEnableDownloadMetrics: true,
        isEnableUnderlyingData: true,
      },
    },
  },
  defaultPersona: 'acme-viewer',
});
