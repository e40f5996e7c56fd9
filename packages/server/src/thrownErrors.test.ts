import {
  DatabrainApiError,
  type DatabrainError,
  type DatabrainErrorCode,
  DatabrainValidationError,
  isDatabrainError,
} from '@databrain-embed/core';
import { EMULATOR_API_KEY, EMULATOR_DATA_APP } from '@databrain-embed/emulator';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDatabrainClient } from './createDatabrainClient.ts';
import { createGuestTokenHandler, type GuestTokenHandlerOptions } from './createGuestTokenHandler.ts';
import { createGuestTokenIssuer } from './createGuestTokenIssuer.ts';
import { createMemoryTokenStore } from './createMemoryTokenStore.ts';
import { createRedisTokenStore } from './createRedisTokenStore.ts';
import type { GuestTokenStore } from './GuestTokenStore.ts';
import { GuestTokenStoreError } from './GuestTokenStoreError.ts';
import { useEmulator } from './testing/useEmulator.ts';

// One test per path on which this package throws an error or hands one to a
// callback (`onError`, `tokenReuse.onError`): each is a DatabrainError with a
// code from core's union, validation failures carry their issues, and a kept
// cause holds no credential.

const emulator = useEmulator();
afterEach(() => {
  vi.unstubAllEnvs();
});

function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

function expectDatabrainError(error: unknown, code: DatabrainErrorCode): asserts error is DatabrainError {
  expect(isDatabrainError(error)).toBe(true);
  expect((error as DatabrainError).code).toBe(code);
}

function expectIssue(error: unknown, path: string, message: RegExp): void {
  expectDatabrainError(error, 'VALIDATION_ERROR');
  expect(error).toBeInstanceOf(DatabrainValidationError);
  expect((error as DatabrainValidationError).issues).toContainEqual({
    path,
    message: expect.stringMatching(message),
  });
}

const grant = { dataAppName: EMULATOR_DATA_APP, clientId: 'acme' };
const post = (headers: Record<string, string> = {}) =>
  new Request('http://app.example.com/api/databrain/token', { method: 'POST', headers });

function handlerOptions(overrides: Partial<GuestTokenHandlerOptions> = {}): GuestTokenHandlerOptions {
  return {
    client: createDatabrainClient({ apiKey: EMULATOR_API_KEY, baseUrl: emulator().url, retryDelay: 1 }),
    dataAppName: EMULATOR_DATA_APP,
    authorize: () => ({ clientId: 'acme' }),
    ...overrides,
  };
}

describe('createDatabrainClient', () => {
  it('throws VALIDATION_ERROR with issues for a malformed option', () => {
    expectIssue(
      caught(() => createDatabrainClient({ timeoutMs: 0 })),
      'timeoutMs',
      /^must be an integer from 1 to/,
    );
  });

  it('throws VALIDATION_ERROR at the tokenReuse field, as one schema with the other options', () => {
    const error = caught(() =>
      createDatabrainClient({ maxRetries: -1, tokenReuse: { minRemaining: 2, storeTimeoutMs: 0 } }),
    );
    expectDatabrainError(error, 'VALIDATION_ERROR');
    expect((error as DatabrainValidationError).issues.map((issue) => issue.path)).toEqual([
      'maxRetries',
      'tokenReuse.minRemaining',
      'tokenReuse.storeTimeoutMs',
    ]);
    expect(error.message).toContain('  - tokenReuse.minRemaining: must be a number above 0 and at most 1');
  });

  it('accepts a store that is a class instance, and uses it', async () => {
    class MapStore implements GuestTokenStore {
      readonly entries = new Map<string, { token: string; expiresAt: number }>();
      get(key: string) {
        return this.entries.get(key);
      }
      set(key: string, entry: { token: string; expiresAt: number }) {
        this.entries.set(key, entry);
      }
    }
    const store = new MapStore();
    const client = createDatabrainClient({
      apiKey: EMULATOR_API_KEY,
      baseUrl: emulator().url,
      tokenReuse: { store },
    });
    await client.createGuestToken(grant);
    expect(store.entries.size).toBe(1);
  });

  it('throws VALIDATION_ERROR naming baseUrl and the variable for a malformed DATABRAIN_API_URL', () => {
    vi.stubEnv('DATABRAIN_API_URL', 'ftp://databrain.example.com');
    expectIssue(
      caught(() => createDatabrainClient({ apiKey: 'k' })),
      'baseUrl',
      /DATABRAIN_API_URL environment variable/,
    );
  });

  it('throws VALIDATION_ERROR naming fetch where the runtime has none', () => {
    vi.stubGlobal('fetch', undefined);
    try {
      expectIssue(
        caught(() => createDatabrainClient({ apiKey: 'k' })),
        'fetch',
        /no global fetch/,
      );
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('throws SERVER_ONLY in a browser page', () => {
    vi.stubGlobal('window', {});
    vi.stubGlobal('document', {});
    try {
      expectDatabrainError(
        caught(() => createDatabrainClient({ apiKey: 'k' })),
        'SERVER_ONLY',
      );
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('throws SERVER_ONLY from the browser entry', async () => {
    expectDatabrainError(await import('./browser.ts').catch((error: unknown) => error), 'SERVER_ONLY');
  });
});

describe('calls of the client', () => {
  it.each([
    ['createGuestToken', 'apiKey', 'DATABRAIN_API_KEY'],
    ['listDataApps', 'serviceToken', 'DATABRAIN_SERVICE_TOKEN'],
  ] as const)(
    '%s without its credential throws VALIDATION_ERROR naming %s and %s',
    async (method, option, variable) => {
      vi.stubEnv(variable, undefined);
      const client = createDatabrainClient({ baseUrl: emulator().url });
      const error = await (method === 'createGuestToken'
        ? client.createGuestToken(grant)
        : client.listDataApps()
      ).catch((failure: unknown) => failure);
      expectIssue(error, option, new RegExp(`${variable} environment variable`));
    },
  );

  it('throws VALIDATION_ERROR naming apiKey and the variable for a key with surrounding whitespace', async () => {
    vi.stubEnv('DATABRAIN_API_KEY', ` ${EMULATOR_API_KEY}`);
    const error = await createDatabrainClient({ baseUrl: emulator().url })
      .createGuestToken(grant)
      .catch((failure: unknown) => failure);
    expectIssue(error, 'apiKey', /DATABRAIN_API_KEY environment variable/);
    expect(JSON.stringify(error) + String(error)).not.toContain(EMULATOR_API_KEY);
  });

  it('throws VALIDATION_ERROR with issues for invalid input', async () => {
    const client = createDatabrainClient({ apiKey: EMULATOR_API_KEY, baseUrl: emulator().url });
    const error = await client
      .createGuestToken({ ...grant, clientId: '' })
      .catch((failure: unknown) => failure);
    expectIssue(error, 'clientId', /must not be empty/);
  });

  it("throws a DatabrainApiError with DataBrain's code for a documented failure", async () => {
    const client = createDatabrainClient({ apiKey: EMULATOR_API_KEY, baseUrl: emulator().url });
    const error = await client
      .createGuestToken({ ...grant, dataAppName: 'no-such-app' })
      .catch((failure: unknown) => failure);
    expectDatabrainError(error, 'DATA_APP_ID_ERROR');
    expect(error).toBeInstanceOf(DatabrainApiError);
  });
});

describe('token stores', () => {
  it('createMemoryTokenStore throws VALIDATION_ERROR naming maxEntries', () => {
    expectIssue(
      caught(() => createMemoryTokenStore({ maxEntries: 1.5 })),
      'maxEntries',
      /^must be a positive integer$/,
    );
  });

  it('createMemoryTokenStore throws VALIDATION_ERROR naming an unknown option', () => {
    expectIssue(
      caught(() => createMemoryTokenStore({ maxEntry: 5 } as never)),
      'maxEntry',
      /^unknown option \(known options: maxEntries\)$/,
    );
  });

  it('createRedisTokenStore throws VALIDATION_ERROR naming a client that is no Redis client', () => {
    expectIssue(
      caught(() => createRedisTokenStore({ client: {} as never })),
      'client',
      /node-redis client .* or an ioredis client/,
    );
  });

  it('createRedisTokenStore throws VALIDATION_ERROR naming a prefix that is no string', () => {
    class FakeNodeRedis {
      sendCommand(): Promise<unknown> {
        return Promise.resolve(null);
      }
    }
    expectIssue(
      caught(() => createRedisTokenStore({ client: new FakeNodeRedis(), prefix: 7 as never })),
      'prefix',
      /^must be a string$/,
    );
  });

  it('reports a failing store as TOKEN_STORE_FAILED with the operation, its cause scrubbed of the key', async () => {
    const reported: GuestTokenStoreError[] = [];
    const failing: GuestTokenStore = {
      get: () => Promise.reject(new Error(`redis rejected AUTH ${EMULATOR_API_KEY}`)),
      set: () => {},
    };
    const client = createDatabrainClient({
      apiKey: EMULATOR_API_KEY,
      baseUrl: emulator().url,
      tokenReuse: { store: failing, onError: (error) => reported.push(error) },
    });
    await client.createGuestToken(grant);
    expect(reported).toHaveLength(1);
    const [failure] = reported;
    expectDatabrainError(failure, 'TOKEN_STORE_FAILED');
    expect(failure).toBeInstanceOf(GuestTokenStoreError);
    expect(failure.operation).toBe('get');
    expect((failure.cause as Error).message).toBe('redis rejected AUTH [redacted]');
    expect(failure.toJSON()).toMatchObject({ code: 'TOKEN_STORE_FAILED', operation: 'get' });
  });

  it('reports a store that does not answer in time as TOKEN_STORE_FAILED', async () => {
    const reported: unknown[] = [];
    const hanging: GuestTokenStore = { get: () => new Promise(() => {}), set: () => {} };
    const client = createDatabrainClient({
      apiKey: EMULATOR_API_KEY,
      baseUrl: emulator().url,
      tokenReuse: { store: hanging, storeTimeoutMs: 20, onError: (error) => reported.push(error) },
    });
    await client.createGuestToken(grant);
    expectDatabrainError(reported[0], 'TOKEN_STORE_FAILED');
  });
});

describe('the token handler and issuer', () => {
  it('throw VALIDATION_ERROR naming each malformed option when they are created', () => {
    const bad = { ...handlerOptions(), dataAppName: ' ', authorize: undefined } as never;
    for (const create of [createGuestTokenHandler, createGuestTokenIssuer]) {
      const error = caught(() => create(bad));
      expectIssue(error, 'dataAppName', /^must not be empty$/);
      expectIssue(error, 'authorize', /^must be a function/);
    }
  });

  it('report AUTHORIZE_FAILED with what authorize threw as the cause, scrubbed of the key', async () => {
    vi.stubEnv('DATABRAIN_API_KEY', EMULATOR_API_KEY);
    const reported: DatabrainError[] = [];
    const thrown = new Error(`session store said ${EMULATOR_API_KEY}`);
    const tokens = createGuestTokenIssuer(
      handlerOptions({
        authorize: () => {
          throw thrown;
        },
        onError: (error) => reported.push(error),
      }),
    );
    const response = await tokens.handler(post());
    expect(response.status).toBe(500);
    const failure = await tokens.mint(new Headers()).catch((error: unknown) => error);
    expectDatabrainError(failure, 'AUTHORIZE_FAILED');
    expect(reported).toHaveLength(2);
    for (const error of reported) {
      expectDatabrainError(error, 'AUTHORIZE_FAILED');
      expect((error.cause as Error).message).toBe('session store said [redacted]');
    }
  });

  it('keep the very error authorize threw as the cause when it holds no credential', async () => {
    const thrown = new TypeError('session store unreachable');
    const tokens = createGuestTokenIssuer(
      handlerOptions({
        authorize: () => Promise.reject(thrown),
        onError: () => {},
      }),
    );
    const failure = await tokens.mint(new Headers()).catch((error: unknown) => error);
    expectDatabrainError(failure, 'AUTHORIZE_FAILED');
    expect(failure.cause).toBe(thrown);
  });

  it('report VALIDATION_ERROR when authorize returns something that is no grant', async () => {
    const reported: DatabrainError[] = [];
    const handler = createGuestTokenHandler(
      handlerOptions({ authorize: () => undefined as never, onError: (error) => reported.push(error) }),
    );
    const response = await handler(post());
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ error: { code: 'INTERNAL_ERROR' } });
    expectIssue(reported[0], '', /must be an object such as \{ clientId \}/);
  });

  it('wrap what a custom client throws as UNKNOWN_ERROR, keeping it as the cause', async () => {
    const thrown = new RangeError('not a library error');
    const reported: DatabrainError[] = [];
    const tokens = createGuestTokenIssuer(
      handlerOptions({
        client: { createGuestToken: () => Promise.reject(thrown) },
        onError: (error) => reported.push(error),
      }),
    );
    const response = await tokens.handler(post());
    expect(response.status).toBe(500);
    expectDatabrainError(reported[0], 'UNKNOWN_ERROR');
    expect(reported[0]?.cause).toBe(thrown);
    const failure = await tokens.mint(new Headers()).catch((error: unknown) => error);
    expectDatabrainError(failure, 'UNKNOWN_ERROR');
  });

  it("report DataBrain's failure as the client threw it", async () => {
    emulator().faults.add({ status: 500, times: 10 });
    const reported: DatabrainError[] = [];
    const handler = createGuestTokenHandler(handlerOptions({ onError: (error) => reported.push(error) }));
    expect((await handler(post())).status).toBe(502);
    expectDatabrainError(reported[0], 'INTERNAL_SERVER_ERROR');
    expect(reported[0]).toBeInstanceOf(DatabrainApiError);
  });
});
