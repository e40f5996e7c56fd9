'use client';

export type {
  AppFilter,
  DashboardAppFilter,
  FilterValue,
  FilterValues,
  GuestTokenInput,
  GuestTokenPermissions,
} from '@databrain-embed/core';
export {
  DatabrainError,
  type DatabrainErrorCode,
  type DatabrainReactErrorCode,
  isDatabrainError,
} from '@databrain-embed/core/errors';

export type { AdminThemeOptions } from './AdminThemeOptions.ts';
export type {
  EmbedComponentProps,
  ErrorFallbackProps,
} from './createElementComponent.tsx';
export { Dashboard, type DashboardElementProps, type DashboardProps } from './Dashboard.tsx';
export type { DashboardOptions, ExportMessagePosition } from './DashboardOptions.ts';
export type { DbnDashboardAttributes, DbnMetricAttributes } from './DatabrainElementAttributes.ts';
export type { DatabrainLanguage } from './DatabrainLanguage.ts';
export { DatabrainProvider, type DatabrainProviderProps } from './DatabrainProvider.tsx';
export type { DatabrainServerEvent } from './DatabrainServerEvent.ts';
export type { DatabrainTheme } from './DatabrainTheme.ts';
export type { ElementsLoader } from './ElementsLoader.ts';
export type { FetchToken, TokenRequestReason } from './FetchToken.ts';
export type { GuestTokenState, GuestTokenStatus } from './GuestTokenState.ts';
export { isolatePluginStyles } from './isolatePluginStyles.ts';
export { loadElements } from './loadElements.ts';
export { Metric, type MetricElementProps, type MetricProps } from './Metric.tsx';
export type { ReceivedToken } from './ReceivedToken.ts';
export { releasePluginGlobals } from './releasePluginGlobals.ts';
export { retainPluginGlobals } from './retainPluginGlobals.ts';
export type { TokenOrigin, TokenSessionState } from './session/TokenSessionState.ts';
export type { TokenEndpointResponse } from './TokenEndpointResponse.ts';
export { useGuestToken } from './useGuestToken.ts';
export { useTokenSession } from './useTokenSession.ts';
