import { DATABRAIN_ENDPOINT_TABLE, type DatabrainEndpoint } from '@databrain-embed/core';
import { apiTokensRoute } from './apiTokensRoute.ts';
import { dataAppsRoute } from './dataAppsRoute.ts';
import { datasourceRoute } from './datasourceRoute.ts';
import { guestTokenRoute } from './guestTokenRoute.ts';
import { dashboardPreviewRoute, metricPreviewRoute } from './previewRoute.ts';
import type { RouteHandlers } from './RouteContext.ts';
import { workspaceRoute } from './workspaceRoute.ts';

/** The routes DataBrain's elements read cross-origin, so answered with CORS headers. */
export const PREVIEW_ROUTES: ReadonlyMap<string, RouteHandlers> = new Map<string, RouteHandlers>([
  ['/api/v2/dashboard', dashboardPreviewRoute],
  ['/api/v2/dashboard/embeddedMetric', metricPreviewRoute],
]);

/**
 * One handler per endpoint of core's table (the type makes a new endpoint
 * there fail to compile here until it is served); paths and methods come
 * from the table, the one the client sends by.
 */
export const ENDPOINT_ROUTES: Readonly<Record<DatabrainEndpoint, RouteHandlers>> = {
  guestToken: guestTokenRoute,
  workspace: workspaceRoute,
  datasource: datasourceRoute,
  apiTokens: apiTokensRoute,
  apiTokensLegacy: apiTokensRoute,
  dataApps: dataAppsRoute,
};

function tableRoute(endpoint: DatabrainEndpoint): [string, RouteHandlers] {
  const { method, path } = DATABRAIN_ENDPOINT_TABLE[endpoint];
  const handler = ENDPOINT_ROUTES[endpoint][method];
  if (handler === undefined) throw new Error(`The emulator has no ${method} handler for ${path}`);
  return [path, { [method]: handler }];
}

/** Every route of DataBrain's API the emulator serves, by path (control routes aside). */
export const ROUTES: ReadonlyMap<string, RouteHandlers> = new Map<string, RouteHandlers>([
  ...(Object.keys(ENDPOINT_ROUTES) as DatabrainEndpoint[]).map(tableRoute),
  ...PREVIEW_ROUTES,
]);
