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
