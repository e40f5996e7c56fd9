import type { FunctionComponent } from 'react';
import { createElementComponent, type EmbedComponentProps } from './createElementComponent.tsx';
import type { DatabrainLanguage, DatabrainTheme } from './databrainElementTypes.ts';

/**
 * Where export messages appear on a dashboard.
 *
 * @example
 * ```ts
 * import type { ExportMessagePosition } from '@databrain-embed/react';
 * const position: ExportMessagePosition = 'bottom-right';
 * ```
 */
export type ExportMessagePosition =
  | 'bottom'
  | 'bottom-left'
  | 'bottom-right'
  | 'center'
  | 'top'
  | 'top-left'
  | 'top-right';

/**
 * Behaviour and visibility flags of a dashboard (the `options` object of
 * `dbn-dashboard`). DataBrain does not document defaults; leave a key out to
 * keep DataBrain's behaviour.
 *
 * @example
 * ```tsx
 * import { Dashboard, type DashboardOptions } from '@databrain-embed/react';
 * const options: DashboardOptions = { disableMetricCreation: true, hideDashboardName: true };
 * <Dashboard dashboardId="sales-overview" options={options} />;
 * ```
 */
export interface DashboardOptions {
  disableMetricCreation?: boolean;
  disableMetricUpdation?: boolean;
  disableMetricDeletion?: boolean;
  disableLayoutCustomization?: boolean;
  chartColors?: string[];
  /** `false` hides the built-in action buttons (drive them through the element's shadow root instead). */
  showDashboardActions?: boolean;
  disableSaveLayout?: boolean;
  disableScheduleEmailReports?: boolean;
  disableManageMetrics?: boolean;
  hideDashboardName?: boolean;
  hideMetricCardShadow?: boolean;
  disableMetricCardBorder?: boolean;
  disableUnderlyingData?: boolean;
  shouldFitFullScreen?: boolean;
  disableMainLoader?: boolean;
  disableMetricLoader?: boolean;
  isShowNoDataFoundScreen?: boolean;
  disableDownloadUnderlyingDataNoFilters?: boolean;
  disableDownloadDataNoFilters?: boolean;
  exportMsgPosition?: ExportMessagePosition;
  hideDatePickerOptions?: string[];
  /** Legend, axis, label, tooltip and margin styling; DataBrain does not document its shape. */
  chartAppearance?: Record<string, unknown>;
  /** Shown when the token has expired. */
  tokenExpiryMessage?: string;
  /** Shown when no token is set. */
  tokenAbsentMessage?: string;
}

interface TextStyle {
  fontSize?: string | number;
  fontWeight?: string | number;
  color?: string;
}

/**
 * Dashboard, card and chart styling (`admin-theme-options` of
 * `dbn-dashboard`). Seen in DataBrain's samples, not formally documented.
 *
 * @example
 * ```tsx
 * import { Dashboard, type AdminThemeOptions } from '@databrain-embed/react';
 * const adminThemeOptions: AdminThemeOptions = { dashboard: { backgroundColor: '#fafafa' } };
 * <Dashboard dashboardId="sales-overview" adminThemeOptions={adminThemeOptions} />;
 * ```
 */
export interface AdminThemeOptions {
  general?: { name?: string; fontFamily?: string };
  dashboard?: {
    backgroundColor?: string;
    ctaColor?: string;
    ctaTextColor?: string;
    metricCardColor?: string;
    selectBoxTextColor?: string;
    selectBoxSize?: 'small' | 'medium' | 'large';
    selectBoxVariant?: 'static' | 'floating';
    selectBoxBorderRadius?: string | number;
  };
  cardTitle?: TextStyle;
  cardDescription?: TextStyle;
  chart?: { palettes?: { name: string; colors: string[] }[]; selected?: string };
  cardCustomization?: {
    padding?: string | number;
    borderRadius?: string | number;
    shadow?: string;
    disableShadowOnHover?: boolean;
    disableStroke?: boolean;
    metricStrokeColor?: string;
  };
}

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
  // The placeholder fills the width it is given, as a block does, and is at least 480 px tall.
  /* @__PURE__ */ createElementComponent<DashboardElementProps>('Dashboard', () => ({ minHeight: 480 }));
