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

// The React binding: the provider and the hooks.
export { DatabrainProvider, type DatabrainProviderProps } from './DatabrainProvider.tsx';
// The elements: components, their props and the loader.
export type {
  DatabrainServerEvent,
  EmbedComponentProps,
  ErrorFallbackProps,
} from './elements/createElementComponent.tsx';
export {
  type AdminThemeOptions,
  Dashboard,
  type DashboardElementProps,
  type DashboardOptions,
  type DashboardProps,
  type ExportMessagePosition,
} from './elements/Dashboard.tsx';
export type {
  DatabrainLanguage,
  DatabrainTheme,
  DbnDashboardAttributes,
  DbnMetricAttributes,
} from './elements/databrainElementTypes.ts';
export { type ElementsLoader, loadElements } from './elements/loadElements.ts';
export { Metric, type MetricElementProps, type MetricProps } from './elements/Metric.tsx';
// The host page: what DataBrain's plugin does to it, and undoing it.
export { isolatePluginStyles } from './host-page/isolatePluginStyles.ts';
export { releasePluginGlobals } from './host-page/releasePluginGlobals.ts';
export { retainPluginGlobals } from './host-page/retainPluginGlobals.ts';
// The token session's public types.
export type { FetchToken, TokenRequestReason } from './session/FetchToken.ts';
export type { TokenEndpointResponse } from './session/TokenEndpointResponse.ts';
export type {
  GuestTokenStatus,
  ReceivedToken,
  TokenOrigin,
  TokenSessionState,
} from './session/TokenSessionState.ts';
export { type GuestTokenState, useGuestToken } from './useGuestToken.ts';
export { useTokenSession } from './useTokenSession.ts';
