import { EmulatorHttpError } from '../EmulatorHttpError.ts';
import type { EmulatorEmbed, EmulatorRow } from '../emulatorSeed.ts';
import { applyTenancy, type EmbedFilters, filterRows } from '../filterRows.ts';
import type { PreviewPayload } from '../PreviewPayload.ts';
import { type PreviewColumn, readColumns } from '../readColumns.ts';
import { SAMPLE_ROWS } from '../sampleData.ts';
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

interface EmbedTable {
  readonly rows: readonly EmulatorRow[];
  readonly columns: readonly PreviewColumn[];
  /** The column a token's clientId must match. */
  readonly tenantColumn: string;
}

const SAMPLE_TABLE: EmbedTable = {
  rows: SAMPLE_ROWS,
  columns: readColumns(SAMPLE_ROWS),
  tenantColumn: 'tenant',
};

// Columns are read once per embed's rows: the seed does not change.
const columnsOf = new WeakMap<readonly EmulatorRow[], readonly PreviewColumn[]>();

/** The table an embed's preview serves: its own rows, else the sample table. */
function tableOf(embed: EmulatorEmbed, tenantColumn: string): EmbedTable {
  const { rows } = embed;
  if (rows === undefined) return SAMPLE_TABLE;
  let columns = columnsOf.get(rows);
  if (columns === undefined) {
    columns = readColumns(rows);
    columnsOf.set(rows, columns);
  }
  return { rows, columns, tenantColumn };
}

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
    const table = tableOf(embed, state.tenantColumn);
    const tenantRows = applyTenancy(table.rows, claims.clientId, table.tenantColumn);
    const { rows, reports } = filterRows(tenantRows, filters, table.columns);
    const data: PreviewPayload = {
      embed: { embedId: embed.embedId, type: embed.type, name: embed.name },
      claims: { ...claims, expiresInMs: claims.expiresAt === null ? null : claims.expiresAt - now },
      columns: table.columns,
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
