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
