import { buildWorkspaceRequest, type WorkspaceRequest, type WorkspaceResponse } from '@databrain-embed/core';
import { EmulatorHttpError } from '../EmulatorHttpError.ts';
import type { RouteContext, RouteHandlers, RouteResult } from './RouteContext.ts';
import { requireServiceToken } from './requireServiceToken.ts';
import { validated } from './validated.ts';

const fail = (code: string, message: string): EmulatorHttpError =>
  EmulatorHttpError.documented('workspace', code, message);

async function createWorkspace(context: RouteContext): Promise<RouteResult> {
  // The workspace endpoint documents INVALID_DATA_APP_API_KEY (401) as its
  // only credential error, so every credential problem answers with it.
  requireServiceToken(context, 'workspace', 'INVALID_DATA_APP_API_KEY');
  const body = validated(
    'workspace',
    (input) => buildWorkspaceRequest(input as WorkspaceRequest),
    await context.json(),
  );
  const { state } = context;
  if (state.workspaces.has(body.name)) {
    throw fail('WORKSPACE_NAME_ALREADY_EXISTS', 'A workspace with this name already exists.');
  }
  if (body.connectionType === 'DATASOURCE' && !state.datasources.has(body.datasourceName)) {
    throw fail(
      'INVALID_DATASOURCE_NAME',
      'No datasource with this `datasourceName` (names are case-sensitive).',
    );
  }
  if (body.connectionType === 'DATAMART' && !state.datamarts.has(body.datamartName)) {
    throw fail('INVALID_DATAMART_NAME', 'No datamart with this `datamartName` (names are case-sensitive).');
  }
  if (body.llmName !== undefined && !state.llms.has(body.llmName)) {
    throw fail('INVALID_LLM_NAME', 'No LLM with this `llmName` is configured in the organization.');
  }
  const unknownLlm = (body.aiCopilotLlms ?? []).findIndex((name) => !state.llms.has(name));
  if (unknownLlm !== -1) {
    throw fail(
      'INVALID_AI_COPILOT_LLMS',
      `aiCopilotLlms[${unknownLlm}] is not an LLM configured in the organization.`,
    );
  }
  if (body.themeName !== undefined && !state.themes.has(body.themeName)) {
    throw fail('INVALID_THEME_NAME', 'No theme with this `themeName` exists in the organization.');
  }
  state.workspaces.add(body.name);
  const response: WorkspaceResponse = { data: { name: body.name }, error: null };
  return { status: 200, body: response };
}

/** `POST /api/v2/workspace`. */
export const workspaceRoute: RouteHandlers = { POST: createWorkspace };
