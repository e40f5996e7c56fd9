import type { ExpiresIn, GuestTokenInputParams, GuestTokenPermissions } from '@databrain-embed/core';

/**
 * One cell of a sample row: plain JSON. The column's type is read from its
 * values (text, number or true/false); `null` is an empty cell.
 *
 * @example
 * ```ts
 * import type { DatabrainCell } from '@databrain-embed/storybook';
 * const amount: DatabrainCell = 1200;
 * ```
 */
export type DatabrainCell = string | number | boolean | null;

/**
 * One sample row of an embed: column name → value, as a query would return
 * it. Every row carries the tenant column (`tenantColumn`).
 *
 * @example
 * ```ts
 * import type { DatabrainRow } from '@databrain-embed/storybook';
 * const row: DatabrainRow = { tenant: 'acme', region: 'EMEA', amount: 1200, date: '2024-01-15' };
 * ```
 */
export type DatabrainRow = Readonly<Record<string, DatabrainCell>>;

/**
 * A metric of an embed, as `useMetricData({ metricId })` names it. Its rows
 * are its embed's rows (each persona sees its tenant's only).
 *
 * @example
 * ```ts
 * import type { DatabrainStorybookMetric } from '@databrain-embed/storybook';
 * const metric: DatabrainStorybookMetric = { metricId: 'revenue-by-region', name: 'Revenue by region' };
 * ```
 */
export interface DatabrainStorybookMetric {
  readonly metricId: string;
  readonly name: string;
}

/**
 * A dashboard or metric of your data app, as your components name it
 * (`<Dashboard dashboardId>` / `<Metric metricId>`), with the sample rows its
 * preview shows.
 *
 * @example
 * ```ts
 * import type { DatabrainStorybookEmbed } from '@databrain-embed/storybook';
 * const orders: DatabrainStorybookEmbed = {
 *   embedId: 'orders',
 *   type: 'dashboard',
 *   name: 'Orders',
 *   rows: [{ tenant: 'acme', status: 'shipped', total: 120 }],
 * };
 * ```
 */
export interface DatabrainStorybookEmbed {
  readonly embedId: string;
  readonly type: 'dashboard' | 'metric';
  /** Shown as the embed's title. */
  readonly name: string;
  /** The sample rows; each persona sees the rows of its tenant only. Default: none. */
  readonly rows?: readonly DatabrainRow[];
  /**
   * The metrics `useMetricData` may ask of this embed. Default: none for a
   * dashboard, and for a metric embed one metric named after it
   * (`metricId` = `embedId`).
   */
  readonly metrics?: readonly DatabrainStorybookMetric[];
}

/**
 * A signed-in user the stories can pretend to be: the tenant (`clientId`) and
 * the filters, permissions and lifetime your backend would grant them. Checked
 * with the same rules as a real guest-token request.
 *
 * @example
 * ```ts
 * import type { DatabrainPersona } from '@databrain-embed/storybook';
 * const viewer: DatabrainPersona = {
 *   clientId: 'acme',
 *   label: 'Acme viewer',
 *   permissions: { isEnableManageMetrics: false },
 *   expiresIn: '1h',
 * };
 * ```
 */
export interface DatabrainPersona {
  /** The tenant: only rows whose tenant column equals it are shown. */
  readonly clientId: string;
  /** Shown in the toolbar and the DataBrain panel; default: the persona's name. */
  readonly label?: string;
  /** `appFilters`, `dashboardAppFilters`, `userIdentifier`, … as in a guest-token request. */
  readonly params?: GuestTokenInputParams;
  readonly permissions?: GuestTokenPermissions;
  /** Token lifetime: ms, `{ minutes: 30 }`, `'30m'` or `'never'`. Default one hour. */
  readonly expiresIn?: ExpiresIn;
}

/**
 * What `.storybook/databrain.ts` exports (through
 * {@link defineDatabrainStorybook}): your data app, its embeds with sample
 * rows, and the personas of the toolbar.
 *
 * @example
 * ```ts
 * import type { DatabrainStorybookConfig } from '@databrain-embed/storybook';
 * const config: DatabrainStorybookConfig = {
 *   dataAppName: 'shop',
 *   embeds: [{ embedId: 'orders', type: 'dashboard', name: 'Orders', rows: [] }],
 *   personas: { 'acme-viewer': { clientId: 'acme' } },
 * };
 * ```
 */
export interface DatabrainStorybookConfig<Persona extends string = string> {
  /** The data app whose embeds the tokens open (in live mode `DATABRAIN_DATA_APP` wins). */
  readonly dataAppName: string;
  readonly embeds: readonly DatabrainStorybookEmbed[];
  /** The column that holds each row's tenant. Default `'tenant'`. */
  readonly tenantColumn?: string;
  /**
   * The filters `useMetricData({ filters })` may choose on the addon's data
   * endpoint, by column name (what your `createMetricDataHandler` lists in
   * `filters`). Default: every column of the rows but the tenant column. A
   * column a persona's own filters hold is never taken from the browser.
   */
  readonly dataFilters?: readonly string[];
  /** Persona name → persona. Names appear in URLs: letters, digits, `-`, `_` and `.`. */
  readonly personas: Readonly<Record<Persona, DatabrainPersona>>;
  /** The persona selected when the toolbar has none. Default: the first one. */
  readonly defaultPersona?: NoInfer<Persona>;
}

/**
 * A checked config with its defaults filled in, as the addon uses it.
 *
 * @example
 * ```ts
 * import { parseDatabrainStorybookConfig, type ResolvedDatabrainStorybookConfig } from '@databrain-embed/storybook';
 * const resolved: ResolvedDatabrainStorybookConfig = parseDatabrainStorybookConfig(config);
 * resolved.tenantColumn; // 'tenant'
 * ```
 */
export interface ResolvedDatabrainStorybookConfig {
  readonly dataAppName: string;
  readonly embeds: readonly (DatabrainStorybookEmbed & { readonly rows: readonly DatabrainRow[] })[];
  readonly tenantColumn: string;
  readonly dataFilters?: readonly string[];
  readonly personas: Readonly<Record<string, DatabrainPersona>>;
  readonly defaultPersona: string;
}
