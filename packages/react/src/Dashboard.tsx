import type { FunctionComponent } from 'react';
import type { AdminThemeOptions } from './AdminThemeOptions.ts';
import { createElementComponent, type EmbedComponentProps } from './createElementComponent.tsx';
import type { DashboardOptions } from './DashboardOptions.ts';
import type { DatabrainLanguage } from './DatabrainLanguage.ts';
import type { DatabrainTheme } from './DatabrainTheme.ts';

/**
 * The `dbn-dashboard` element's own props, camelCased (each becomes the
 * kebab-case attribute, or a property for objects).
 *
 * @example
 * ```ts
 * import type { DashboardElementProps } from '@databrain-embed/react';
 * const props: DashboardElementProps = { dashboardId: 'sales-overview', enableDownloadCsv: true };
 * ```
 */
export interface DashboardElementProps {
  /** Embed ID of a dashboard embed. */
  dashboardId: string;
  options?: DashboardOptions;
  theme?: DatabrainTheme;
  adminThemeOptions?: AdminThemeOptions;
  /** Name of a theme saved in the data app. */
  themeName?: string;
  enableDownloadCsv?: boolean;
  enableEmailCsv?: boolean;
  /** Icon of the metric-card options menu, e.g. `"download"`. */
  optionsIcon?: string;
  disableFullscreen?: boolean;
  isHideChartSettings?: boolean;
  isHideTablePreview?: boolean;
  isStickyDashboardFilters?: boolean;
  enableTitleClickFullscreen?: boolean;
  disableDownloadPng?: boolean;
  enableDownloadAllMetrics?: boolean;
  enableDownloadAllPdf?: boolean;
  enableMultiMetricFilters?: boolean;
  language?: DatabrainLanguage;
  /** `ind` for the Indian calendar. */
  calendarType?: 'default' | 'ind';
  /** Custom label translations (format not documented by DataBrain). */
  translations?: Record<string, unknown>;
  longDescriptionConfig?: { width?: string | number; fontColor?: string };
  /** Per-setting `{ defaultValue, canEdit }` tree (margins, chartColors, legendSettings…). */
  customChartSettings?: Record<string, unknown>;
  noDataImg?: string;
  noDataFoundSvg?: string;
  chartColors?: string[];
}

/**
 * Props of {@link Dashboard}.
 *
 * @example
 * ```ts
 * import type { DashboardProps } from '@databrain-embed/react';
 * const props: DashboardProps = { dashboardId: 'sales-overview', className: 'h-full' };
 * ```
 */
export interface DashboardProps extends DashboardElementProps, EmbedComponentProps {}

/**
 * A DataBrain dashboard. Must be inside `<DatabrainProvider>`, which gives it
 * its token; refreshing the token updates the dashboard in place.
 *
 * @example
 * ```tsx
 * import { Dashboard, DatabrainProvider } from '@databrain-embed/react';
 *
 * <DatabrainProvider tokenEndpoint="/api/databrain/token">
 *   <Dashboard
 *     dashboardId="sales-overview"
 *     options={{ disableMetricCreation: true }}
 *     theme={{ colors: { primary: '#4f46e5' } }}
 *     enableDownloadCsv
 *   />
 * </DatabrainProvider>;
 * ```
 */
export const Dashboard: FunctionComponent<DashboardProps> =
  /* @__PURE__ */ createElementComponent<DashboardElementProps>('Dashboard', () => ({
    width: '100%',
    minHeight: 480,
  }));
