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
