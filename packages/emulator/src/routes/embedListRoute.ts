import type { EmbedListResponse, EmbedSummary } from '@databrain-embed/core';
import type { RouteContext, RouteHandlers, RouteResult } from './RouteContext.ts';
import { readPage } from './readPage.ts';
import { requireDataAppKey } from './requireDataAppKey.ts';

async function listEmbeds(context: RouteContext): Promise<RouteResult> {
  const dataAppName = requireDataAppKey(context, 'embedList');
  const embeds = context.state.dataApps.get(dataAppName)?.embeds ?? [];
  // Every embed of the emulator is shared by all clients, so `clientId` keeps them all.
  const summaries: EmbedSummary[] = embeds.map((embed) => ({
    embedId: embed.embedId,
    embedType: embed.type,
    name: embed.name,
    externalDashboard:
      embed.type === 'dashboard' ? { externalDashboardId: embed.embedId, name: embed.name } : null,
    externalMetric: embed.type === 'metric' ? { metricId: embed.embedId, name: embed.name } : null,
  }));
  const response: EmbedListResponse & { error: null } = {
    data: readPage('embedList', context.url.searchParams, summaries),
    error: null,
  };
  return { status: 200, body: response };
}

/** `GET /api/v2/data-app/embeds[?isPagination&pageNumber&clientId]`. */
export const embedListRoute: RouteHandlers = { GET: listEmbeds };
