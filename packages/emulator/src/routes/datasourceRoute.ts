import {
  buildDatasourceRequest,
  type DatasourceRequest,
  type DatasourceResponse,
} from '@databrain-embed/core';
import { EmulatorHttpError } from '../EmulatorHttpError.ts';
import type { RouteContext, RouteHandlers, RouteResult } from './RouteContext.ts';
import { requireServiceToken } from './requireServiceToken.ts';
import { validated } from './validated.ts';

/**
 * A credential value that makes the emulator's connection test fail, so
 * clients can exercise CREDENTIAL_TEST_FAILED without a real database.
 *
 * @example
 * ```ts
 * import { FAILING_CREDENTIAL } from '@databrain-embed/emulator';
 * const credentials = { name: 'pg', host: 'db', port: 5432, username: 'u', password: FAILING_CREDENTIAL,
 *   database: 'd', schema: 'public' };
 * ```
 */
export const FAILING_CREDENTIAL = 'fail-credential-test' as const;

async function createDatasource(context: RouteContext): Promise<RouteResult> {
  requireServiceToken(context, 'datasource', 'AUTHENTICATION_ERROR');
  const body = validated(
    'datasource',
    (input) => buildDatasourceRequest(input as DatasourceRequest),
    await context.json(),
  );
  const { state } = context;
  const { name } = body.credentials;
  if (state.datasources.has(name)) {
    throw EmulatorHttpError.documented(
      'datasource',
      'DATASOURCE_NAME_ERROR',
      'A datasource with this name already exists.',
    );
  }
  if (Object.values(body.credentials).some((value) => value === FAILING_CREDENTIAL)) {
    throw EmulatorHttpError.documented(
      'datasource',
      'CREDENTIAL_TEST_FAILED',
      'Could not connect with these credentials; check host, port, user and password.',
    );
  }
  state.datasources.add(name);
  const response: DatasourceResponse = { name };
  return { status: 200, body: response };
}

/** `POST /api/v2/datasource`. */
export const datasourceRoute: RouteHandlers = { POST: createDatasource };
