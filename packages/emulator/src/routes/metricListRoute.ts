import type { EmbedMetric, MetricListResponse } from '@databrain-embed/core';
import { EmulatorHttpError } from '../EmulatorHttpError.ts';
import { metricsOfEmbed } from '../metricsOfEmbed.ts';
import type { RouteContext, RouteHandlers, RouteResult } from './RouteContext.ts';
import { readPage } from './readPage.ts';
import { requireDataAppKey } from './requireDataAppKey.ts';

const fail = (code: string, message: string): EmulatorHttpError =>
  EmulatorHttpError.documented('metricList', code, message);

async function listMetrics(context: RouteContext): Promise<RouteResult> {
  const dataAppName = requireDataAppKey(context, 'metricList');
  const query = context.url.searchParams;
  const embedId = query.get('embedId')?.trim();
  const clientId = query.get('clientId')?.trim();
  if (!embedId || !clientId) {
    throw fail('INVALID_REQUEST_BODY', 'The query parameters `embedId` and `clientId` are required.');
  }
  const isMetric = query.get('isMetric');
  if (isMetric !== null && isMetric !== 'true' && isMetric !== 'false') {
    throw fail('INVALID_REQUEST_BODY', '`isMetric` must be "true" or "false".');
  }
  const embed = context.state.findEmbed(dataAppName, embedId);
  if (embed === undefined) {
    throw fail('EMBED_PARAM_ERROR', 'Embed ID not found or not of the data app of this API key.');
  }
  // The emulator's embeds hold metrics only, and every one is shared by all
  // clients (none was created by an end user), so `isMetric` and `clientId`
  // change nothing.
  const metrics: EmbedMetric[] = metricsOfEmbed(embed).map((metric) => ({
    name: metric.name,
    metricId: metric.metricId,
    isPublished: true,
    createdByUser: null,
  }));
  const response: MetricListResponse & { error: null } = {
    data: readPage('metricList', query, metrics),
    error: null,
  };
  return { status: 200, body: response };
}

/** `GET /api/v2/data-app/metrics?embedId&clientId[&isPagination&pageNumber&isMetric]`. */
export const metricListRoute: RouteHandlers = { GET: listMetrics };
