import {
  buildCreateEmbedRequest,
  type CreateEmbedRequest,
  type CreateEmbedResponse,
} from '@databrain-embed/core';
import { EmulatorHttpError } from '../EmulatorHttpError.ts';
import type { EmulatorEmbed } from '../emulatorSeed.ts';
import type { RouteContext, RouteHandlers, RouteResult } from './RouteContext.ts';
import { requireDataAppKey } from './requireDataAppKey.ts';
import { validated } from './validated.ts';

const fail = (code: string, message: string): EmulatorHttpError =>
  EmulatorHttpError.documented('embedCreate', code, message);

async function createEmbed(context: RouteContext): Promise<RouteResult> {
  const dataAppName = requireDataAppKey(context, 'embedCreate');
  const body = validated(
    'embedCreate',
    (input) => buildCreateEmbedRequest(input as CreateEmbedRequest),
    await context.json(),
  );
  const { state } = context;
  if (!state.workspaces.has(body.workspaceName)) {
    throw fail('INVALID_WORKSPACE_NAME', 'Workspace not found; check `workspaceName`.');
  }
  if (!state.datamarts.has(body.accessSettings.datamartName)) {
    throw fail('INVALID_DATAMART', 'Invalid datamart; check `accessSettings.datamartName`.');
  }
  const embedId = globalThis.crypto.randomUUID();
  const name = body.name ?? embedId;
  // The emulator keeps no dashboards of its own: a new dashboard embed has no
  // metrics to query, a new metric embed has the one it names.
  const embed: EmulatorEmbed =
    body.embedType === 'metric' && body.metricId !== undefined
      ? { embedId, type: 'metric', name, metrics: [{ metricId: body.metricId, name }] }
      : { embedId, type: 'dashboard', name, metrics: [] };
  state.dataApps.get(dataAppName)?.embeds.push(embed);
  const response: CreateEmbedResponse & { error: null } = { id: embedId, error: null };
  return { status: 200, body: response };
}

/** `POST /api/v2/data-app/embeds`. */
export const embedCreateRoute: RouteHandlers = { POST: createEmbed };
