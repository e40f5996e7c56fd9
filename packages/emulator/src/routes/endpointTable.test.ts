import { DATABRAIN_ENDPOINT_TABLE, type DatabrainEndpoint } from '@databrain-embed/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_API_KEY, EMULATOR_SERVICE_TOKEN } from '../emulatorSeed.ts';
import { type RunningEmulator, startEmulator } from '../startEmulator.ts';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(() => emulator.close());

const endpoints = Object.keys(DATABRAIN_ENDPOINT_TABLE) as DatabrainEndpoint[];

async function call(endpoint: DatabrainEndpoint, bearer: string): Promise<{ status: number; code: unknown }> {
  const { method, path } = DATABRAIN_ENDPOINT_TABLE[endpoint];
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    ...(method === 'POST' ? { body: '{}' } : {}),
  });
  const body = (await response.json()) as { error?: { code?: unknown } };
  return { status: response.status, code: body.error?.code };
}

describe("the emulator serves core's endpoint table", () => {
  it.each(endpoints)('%s: answers the method at the path the table names', async (endpoint) => {
    const { credential } = DATABRAIN_ENDPOINT_TABLE[endpoint];
    const right = credential === 'dataAppApiKey' ? EMULATOR_API_KEY : EMULATOR_SERVICE_TOKEN;
    const answer = await call(endpoint, right);
    expect(answer.status).not.toBe(404);
    expect(answer.status).not.toBe(405);
    // The right credential passes the check: whatever follows is about the (empty) body.
    expect([200, 400]).toContain(answer.status);
  });

  it.each(endpoints)(
    '%s: refuses the credential the table does not name with a documented error',
    async (endpoint) => {
      const { credential, errors } = DATABRAIN_ENDPOINT_TABLE[endpoint];
      const wrong = credential === 'dataAppApiKey' ? EMULATOR_SERVICE_TOKEN : EMULATOR_API_KEY;
      const answer = await call(endpoint, wrong);
      expect(Object.keys(errors)).toContain(answer.code);
      expect(answer.status).toBe(errors[answer.code as keyof typeof errors]);
      expect([400, 401]).toContain(answer.status);
    },
  );
});
