import type {} from 'react';

/**
 * A UI language DataBrain's elements offer.
 *
 * @example
 * ```ts
 * import type { DatabrainLanguage } from '@databrain-embed/react';
 * const language: DatabrainLanguage = 'fr';
 * ```
 */
export type DatabrainLanguage =
  | 'en'
  | 'fr'
  | 'es'
  | 'de'
  | 'it'
  | 'pt'
  | 'zh'
  | 'ja'
  | 'ko'
  | 'hi'
  | 'ar'
  | 'ru';

type Group<K extends string, V = string> = { [P in K]?: V };

/**
 * The `theme` of `dbn-dashboard` and `dbn-metric`: colours, typography,
 * breakpoints, layout columns, borders and shadows. Every key is optional.
 * Themes are written as CSS variables on `<html>`, so the last element to
 * set one wins for the whole page: use one theme per page.
 *
 * @example
 * ```tsx
 * import { Dashboard, type DatabrainTheme } from '@databrain-embed/react';
 * const theme: DatabrainTheme = { colors: { primary: '#4f46e5' }, typography: { fontFamily: 'Inter' } };
 * <Dashboard dashboardId="sales-overview" theme={theme} />;
 * ```
 */
export interface DatabrainTheme {
  colors?: Group<
    | 'background'
    | 'backgroundLight'
    | 'primary'
    | 'secondary'
    | 'tertiary'
    | 'dark'
    | 'light'
    | 'primaryDark'
    | 'primaryLight'
    | 'secondaryDark'
    | 'secondaryLight'
    | 'tertiaryDark'
    | 'tertiaryLight'
    | 'error'
    | 'errorDark'
    | 'errorLight'
    | 'success'
    | 'successLight'
    | 'successDark'
    | 'warning'
    | 'warningLight'
    | 'warningDark'
    | 'gray50'
    | 'gray100'
    | 'gray200'
    | 'gray300'
    | 'gray400'
    | 'gray500'
    | 'gray600'
    | 'gray700'
    | 'gray800'
    | 'gray900'
  >;
  typography?: Group<
    | 'colorPrimary'
    | 'colorSecondary'
    | 'colorTertiary'
    | 'fontFamily'
    | 'fontSize'
    | 'fontWeightThin'
    | 'fontWeightLight'
    | 'fontWeightRegular'
    | 'fontWeightSemibold'
    | 'fontWeightBold'
  >;
  breakpoint?: Group<'xl' | 'lg' | 'md' | 'sm' | 'xs', string | number>;
  metricLayoutCols?: Group<'xl' | 'lg' | 'md' | 'sm' | 'xs' | 'xxs', number>;
  border?: Group<
    | 'radiusNone'
    | 'radiusSm'
    | 'radiusMd'
    | 'radiusDefault'
    | 'radiusLg'
    | 'radiusXl'
    | 'radius2xl'
    | 'radius3xl'
    | 'radiusFull',
    string | number
  >;
  shadow?: Group<'primary' | 'secondary' | 'tertiary'>;
}

type Flag = 'true' | 'false';

/**
 * Attributes of the raw `<dbn-dashboard>` element, for code that renders the
 * tag itself. Prefer `<Dashboard>`, which sets objects as properties and
 * waits until the element is defined.
 *
 * @example
 * ```tsx
 * import type { DbnDashboardAttributes } from '@databrain-embed/react';
 * const attributes: DbnDashboardAttributes = { token, 'dashboard-id': 'sales-overview' };
 * ```
 */
export interface DbnDashboardAttributes {
  token?: string;
  'dashboard-id'?: string;
  /** JSON text. React 18 turns objects into "[object Object]"; `<Dashboard>` avoids that. */
  options?: string;
  theme?: string;
  'admin-theme-options'?: string;
  'theme-name'?: string;
  'handle-server-event'?: string;
  'enable-download-csv'?: Flag;
  'enable-email-csv'?: Flag;
  'options-icon'?: string;
  'disable-fullscreen'?: Flag;
  'is-hide-chart-settings'?: Flag;
  'is-hide-table-preview'?: Flag;
  'is-sticky-dashboard-filters'?: Flag;
  'enable-title-click-fullscreen'?: Flag;
  'disable-download-png'?: Flag;
  'enable-download-all-metrics'?: Flag;
  'enable-download-all-pdf'?: Flag;
  'enable-multi-metric-filters'?: Flag;
  language?: string;
  'calendar-type'?: string;
  translations?: string;
  'long-description-config'?: string;
  'custom-chart-settings'?: string;
  'no-data-img'?: string;
  'no-data-found-svg'?: string;
  'chart-colors'?: string;
}

/**
 * Attributes of the raw `<dbn-metric>` element. Never give it `style`
 * (DataBrain's element breaks); style a wrapping element instead.
 *
 * @example
 * ```tsx
 * import type { DbnMetricAttributes } from '@databrain-embed/react';
 * const attributes: DbnMetricAttributes = { token, 'metric-id': 'revenue', width: '480' };
 * ```
 */
export interface DbnMetricAttributes {
  token?: string;
  'metric-id'?: string;
  width?: string | number;
  height?: string | number;
  variant?: 'card' | 'fullscreen';
  'chart-renderer-type'?: 'svg' | 'canvas';
  'chart-colors'?: string;
  theme?: string;
  'on-minimize'?: string;
  'handle-server-event'?: string;
  'metric-filter-position'?: 'inside' | 'outside';
  'enable-multi-metric-filters'?: Flag;
  language?: string;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'dbn-dashboard': React.DetailedHTMLProps<React.HTMLAttributes<HTMLElement>, HTMLElement> &
        DbnDashboardAttributes;
      'dbn-metric': Omit<React.DetailedHTMLProps<React.HTMLAttributes<HTMLElement>, HTMLElement>, 'style'> &
        DbnMetricAttributes;
    }
  }
}
