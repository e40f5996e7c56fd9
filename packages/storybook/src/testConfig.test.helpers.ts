import type {
  DatabrainStorybookConfig,
  ResolvedDatabrainStorybookConfig,
} from './DatabrainStorybookConfig.ts';
import { parseDatabrainStorybookConfig } from './parseDatabrainStorybookConfig.ts';

/** A small team config: one dashboard and one metric of a shop, two tenants, three personas. */
export const SHOP_CONFIG: DatabrainStorybookConfig = {
  dataAppName: 'shop',
  embeds: [
    {
      embedId: 'orders',
      type: 'dashboard',
      name: 'Orders',
      rows: [
        { tenant: 'acme', status: 'shipped', total: 120 },
        { tenant: 'acme', status: 'open', total: 80 },
        { tenant: 'globex', status: 'open', total: 300 },
      ],
    },
    {
      embedId: 'revenue',
      type: 'metric',
      name: 'Revenue',
      rows: [
        { tenant: 'acme', region: 'EMEA', total: 10 },
        { tenant: 'globex', region: 'NA', total: 20 },
        { tenant: 'globex', region: 'EMEA', total: 30 },
      ],
    },
  ],
  personas: {
    'acme-viewer': { clientId: 'acme', label: 'Acme viewer', permissions: { isEnableManageMetrics: false } },
    'globex-editor': {
      clientId: 'globex',
      params: { appFilters: [{ metricId: 'revenue', values: { region: 'NA' } }] },
      permissions: { isEnableManageMetrics: true },
      expiresIn: '30m',
    },
    'forever-viewer': { clientId: 'acme', expiresIn: 'never' },
  },
};

export const SHOP: ResolvedDatabrainStorybookConfig = parseDatabrainStorybookConfig(SHOP_CONFIG);
