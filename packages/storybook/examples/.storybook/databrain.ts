// .storybook/databrain.ts
import { defineDatabrainStorybook } from '@databrain-embed/storybook';

export default defineDatabrainStorybook({
  dataAppName: 'shop',
  embeds: [
    {
      embedId: 'orders',
      type: 'dashboard',
      name: 'Orders',
      rows: [
        { tenant: 'acme', region: 'EMEA', status: 'shipped', total: 120, date: '2024-01-15' },
        { tenant: 'acme', region: 'NA', status: 'open', total: 80, date: '2024-02-03' },
        { tenant: 'globex', region: 'NA', status: 'shipped', total: 300, date: '2024-01-28' },
        { tenant: 'globex', region: 'EMEA', status: 'open', total: 45, date: '2024-03-05' },
      ],
    },
    {
      embedId: 'revenue',
      type: 'metric',
      name: 'Revenue',
      rows: [
        { tenant: 'acme', region: 'EMEA', amount: 1200, date: '2024-01-15' },
        { tenant: 'globex', region: 'NA', amount: 2250, date: '2024-01-28' },
      ],
    },
  ],
  tenantColumn: 'tenant', // rows are limited to the persona's clientId through this column
  personas: {
    'acme-viewer': {
      label: 'Acme viewer',
      clientId: 'acme',
      permissions: { isEnableManageMetrics: false, isEnableDownloadMetrics: false },
    },
    'globex-editor': {
      label: 'Globex editor, North America',
      clientId: 'globex',
      params: { dashboardAppFilters: [{ dashboardId: 'orders', values: { region: 'NA' } }] },
      permissions: { isEnableManageMetrics: true, isEnableDownloadMetrics: true },
      expiresIn: '30m',
    },
  },
  defaultPersona: 'acme-viewer',
});
