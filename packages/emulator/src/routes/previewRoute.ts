import { EmulatorHttpError } from '../EmulatorHttpError.ts';
import { applyTenancy, type EmbedFilters, filterRows } from '../filterRows.ts';
import type { PreviewPayload } from '../PreviewPayload.ts';
import { SAMPLE_COLUMNS, SAMPLE_ROWS } from '../sampleData.ts';
import type { RouteContext, RouteHandlers, RouteResult } from './RouteContext.ts';

/**
 * Headers that let a page on another origin (Storybook, a demo app) call the
 * preview routes, as DataBrain's elements call DataBrain cross-origin.
 */
export const PREVIEW_CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, OPTIONS',
  'access-control-allow-headers': 'X-Plugin-Token, X-Plugin-Origin, Content-Type',
  'access-control-max-age': '600',
};

function preview(type: 'dashboard' | 'metric', param: 'dashboardId' | 'metricId') {
  return async (context: RouteContext): Promise<RouteResult> => {
    const { state } = context;
    const token = context.request.headers.get('x-plugin-token');
    const claims = token ? state.tokens.get(token) : undefined;
    if (!claims) throw new EmulatorHttpError(401, 'AUTHENTICATION_ERROR', 'Invalid or missing guest token.');
    const now = context.now();
    if (claims.expiresAt !== null && now >= claims.expiresAt) {
      throw new EmulatorHttpError(401, 'EXPIRED_TOKEN', 'Token expired');
    }
    const embedId = context.url.searchParams.get(param);
    if (!embedId)
      throw new EmulatorHttpError(400, 'INVALID_REQUEST_BODY', `Missing query parameter \`${param}\`.`);
    const embed = state.findEmbed(claims.dataAppName, embedId);
    if (embed?.type !== type) {
      throw new EmulatorHttpError(
        404,
        type === 'dashboard' ? 'INVALID_DASHBOARD_ID' : 'INVALID_METRIC_ID',
        `No ${type} embed with this id in data app ${claims.dataAppName}.`,
      );
    }
    const allowed = claims.params.allowedEmbeds;
    if (allowed !== undefined && !allowed.includes(embedId)) {
      throw new EmulatorHttpError(
        403,
        'INVALID_PERMISSIONS',
        'This guest token does not allow this embed (allowedEmbeds).',
      );
    }
    const filters: EmbedFilters[] =
      type === 'metric'
        ? (claims.params.appFilters ?? [])
            .filter((filter) => filter.metricId === embedId)
            .map((filter) => ({ source: 'appFilters', target: embedId, values: filter.values }))
        : (claims.params.dashboardAppFilters ?? [])
            .filter((filter) => filter.dashboardId === embedId)
            .map((filter) => ({
              source: 'dashboardAppFilters',
              target: embedId,
              values: filter.values,
              ...(filter.isShowOnUrl === undefined ? {} : { isShowOnUrl: filter.isShowOnUrl }),
            }));
    const { rows, reports } = filterRows(applyTenancy(SAMPLE_ROWS, claims.clientId), filters);
    const data: PreviewPayload = {
      embed,
      claims: { ...claims, expiresInMs: claims.expiresAt === null ? null : claims.expiresAt - now },
      columns: SAMPLE_COLUMNS,
      rows,
      filters: reports,
    };
    return { status: 200, body: { data } };
  };
}

/** `GET /api/v2/dashboard?dashboardId=<embedId>` with `X-Plugin-Token`. */
export const dashboardPreviewRoute: RouteHandlers = { GET: preview('dashboard', 'dashboardId') };

/** `GET /api/v2/dashboard/embeddedMetric?metricId=<embedId>` with `X-Plugin-Token`. */
export const metricPreviewRoute: RouteHandlers = { GET: preview('metric', 'metricId') };
