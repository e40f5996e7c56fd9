import { DatabrainValidationError } from '@databrain-embed/core';
import {
  EMULATOR_API_KEY,
  EMULATOR_DATA_APP,
  type RunningEmulator,
  startEmulator,
} from '@databrain-embed/emulator';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDatabrainClient } from './createDatabrainClient.ts';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(() => emulator.close());

beforeEach(() => {
  vi.stubEnv('DATABRAIN_API_KEY', undefined);
  vi.stubEnv('DATABRAIN_SERVICE_TOKEN', undefined);
  vi.stubEnv('DATABRAIN_API_URL', undefined);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

const grant = { dataAppName: EMULATOR_DATA_APP, clientId: 'acme' };

describe('credentials and base URL from the environment', () => {
  it('mints with DATABRAIN_API_KEY and DATABRAIN_API_URL when the options leave them out', async () => {
    vi.stubEnv('DATABRAIN_API_KEY', EMULATOR_API_KEY);
    vi.stubEnv('DATABRAIN_API_URL', emulator.url);
    const client = createDatabrainClient();
    await expect(client.createGuestToken(grant)).resolves.toMatchObject({ token: expect.any(String) });
  });

  it('creates a client while no key exists, as a build does, and uses the key set before the call', async () => {
    const client = createDatabrainClient({
      apiKey: process.env.DATABRAIN_API_KEY,
      baseUrl: emulator.url,
    });
    const before = emulator.requests.length;
    await expect(client.createGuestToken(grant)).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(emulator.requests).toHaveLength(before);
    vi.stubEnv('DATABRAIN_API_KEY', EMULATOR_API_KEY);
    await expect(client.createGuestToken(grant)).resolves.toMatchObject({ token: expect.any(String) });
  });

  it('treats an empty variable as unset', async () => {
    vi.stubEnv('DATABRAIN_API_KEY', '');
    const client = createDatabrainClient({ baseUrl: emulator.url });
    await expect(client.createGuestToken(grant)).rejects.toThrow(
      /set the DATABRAIN_API_KEY environment variable/,
    );
  });

  it('refuses a key with surrounding whitespace, naming the variable but not the value', async () => {
    vi.stubEnv('DATABRAIN_API_KEY', `${EMULATOR_API_KEY}\n`);
    const client = createDatabrainClient({ baseUrl: emulator.url });
    const error = await client.createGuestToken(grant).catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(
      /DATABRAIN_API_KEY environment variable .*must not start or end with whitespace/,
    );
    expect(JSON.stringify(error)).not.toContain(EMULATOR_API_KEY);
    expect((error as Error).message).not.toContain(EMULATOR_API_KEY);
  });

  it('prefers the options to the environment', async () => {
    vi.stubEnv('DATABRAIN_API_KEY', 'a-key-the-emulator-does-not-know');
    vi.stubEnv('DATABRAIN_API_URL', 'http://127.0.0.1:9');
    const client = createDatabrainClient({ apiKey: EMULATOR_API_KEY, baseUrl: emulator.url });
    await expect(client.createGuestToken(grant)).resolves.toMatchObject({ token: expect.any(String) });
  });

  it('fails at creation on a malformed DATABRAIN_API_URL, naming baseUrl and the variable', () => {
    vi.stubEnv('DATABRAIN_API_URL', 'ftp://databrain.example.com');
    expect(() => createDatabrainClient({ apiKey: 'key' })).toThrow(DatabrainValidationError);
    expect(() => createDatabrainClient({ apiKey: 'key' })).toThrow(
      /baseUrl: must use http: or https: \(read from the DATABRAIN_API_URL environment variable\)/,
    );
  });

  it('still fails at creation on a malformed option that is present', () => {
    vi.stubEnv('DATABRAIN_API_KEY', EMULATOR_API_KEY);
    expect(() => createDatabrainClient({ apiKey: '   ' })).toThrow(/apiKey: must not be empty/);
    expect(() => createDatabrainClient({ apiKey: 42 as unknown as string })).toThrow(
      /apiKey: must be a string, received number/,
    );
  });
});
