import type { DataApp, ListDataAppsResponse } from '@databrain-embed/core';
import { EmulatorHttpError } from '../EmulatorHttpError.ts';
import type { RouteContext, RouteHandlers, RouteResult } from './RouteContext.ts';
import { requireServiceToken } from './requireServiceToken.ts';

const PAGE_SIZE = 10;

async function listDataApps(context: RouteContext): Promise<RouteResult> {
  requireServiceToken(context, 'dataApps', 'AUTHENTICATION_ERROR');
  const query = context.url.searchParams;
  const paginate = query.get('isPagination');
  if (paginate !== null && paginate !== 'true' && paginate !== 'false') {
    throw new EmulatorHttpError(400, 'INVALID_REQUEST_BODY', '`isPagination` must be "true" or "false".');
  }
  let apps = [...context.state.dataApps.values()];
  if (paginate === 'true') {
    const pageText = query.get('pageNumber') ?? '1';
    const page = /^\d+$/.test(pageText) ? Number(pageText) : Number.NaN;
    if (!(page >= 1)) {
      throw new EmulatorHttpError(400, 'INVALID_REQUEST_BODY', '`pageNumber` must be a whole number from 1.');
    }
    apps = apps.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  }
  const data: DataApp[] = apps.map((app) => ({
    name: app.name,
    type: 'embedded',
    createdAt: app.createdAt,
    updatedAt: app.updatedAt,
    embedCount: app.embeds.length,
    embeds: app.embeds.map((embed) => ({
      name: embed.name,
      embedId: embed.embedId,
      createdAt: app.createdAt,
      updatedAt: app.updatedAt,
    })),
  }));
  const response: ListDataAppsResponse = { data };
  return { status: 200, body: response };
}

/** `GET /api/v2/data-app`. */
export const dataAppsRoute: RouteHandlers = { GET: listDataApps };
