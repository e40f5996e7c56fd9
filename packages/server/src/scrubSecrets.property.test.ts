import { DatabrainApiError } from '@databrain-embed/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabrainClient } from './createDatabrainClient.ts';
import { scrubSecrets, scrubValue, secretsOfCall } from './scrubSecrets.ts';
import { type ScriptedServer, startScriptedServer } from './testing/startScriptedServer.ts';

// Secrets look random, as real ones do: a run of one character could match
// filler text by chance and prove nothing.
const varied = (secret: string): boolean => new Set(secret.toLowerCase()).size >= 6;
// Printable ASCII, so that changing letter case never changes a length.
const printable = fc
  .string({
    unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
    minLength: 8,
    maxLength: 40,
  })
  .filter(varied);
const keyLike = fc.stringMatching(/^[A-Za-z0-9_-]{12,48}$/).filter(varied);

/** `text` with the case of each ASCII letter flipped where `flips` says so. */
function recase(text: string, flips: readonly boolean[]): string {
  return [...text]
    .map((char, index) =>
      flips[index % Math.max(1, flips.length)]
        ? char === char.toLowerCase()
          ? char.toUpperCase()
          : char.toLowerCase()
        : char,
    )
    .join('');
}

/** One way a server might repeat a secret inside its message. */
const spelling = fc.constantFrom<(secret: string) => string>(
  (secret) => secret,
  (secret) => `mysql://reader:${encodeURIComponent(secret)}@db.example.com:3306/shop`,
  (secret) => JSON.stringify({ password: secret }),
);

const secrets = fc.record({ apiKey: keyLike, serviceToken: keyLike, password: printable });

// Filler is written in letters no secret uses, so a secret's piece found in a
// scrubbed text can only have come from a secret.
// Its length is drawn evenly, so secrets land on both sides of the cut and across it.
const filler = (maxLength: number) =>
  fc
    .integer({ min: 0, max: maxLength })
    .chain((length) =>
      fc.string({ unit: fc.constantFrom(...'αβγδεζηθικλμνξ \n'), minLength: length, maxLength: length }),
    );

/** A message of filler text with each secret placed at a generated offset. */
const message = (known: { apiKey: string; serviceToken: string; password: string }) =>
  fc
    .array(
      fc.record({
        filler: filler(340),
        which: fc.constantFrom('apiKey', 'serviceToken', 'password') as fc.Arbitrary<keyof typeof known>,
        spell: spelling,
        flips: fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
      }),
      { minLength: 1, maxLength: 4 },
    )
    .chain((parts) =>
      filler(40).map((tail) =>
        parts
          .map((part) => part.filler + part.spell(recase(known[part.which], part.flips)))
          .concat(tail)
          .join(''),
      ),
    );

/** Every text in `value`: strings, and the message, stack, name and own fields of errors along the cause chain. */
function textsOf(value: unknown, depth = 0): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null || depth > 6) return [];
  const texts: string[] = [];
  // The stack's head repeats name and message; its frames are file paths of this machine.
  if (value instanceof Error) {
    texts.push(value.name, value.message, (value.stack ?? '').split('\n    at ')[0] ?? '', String(value));
  }
  for (const key of new Set([...Object.getOwnPropertyNames(value), 'cause'])) {
    if (key === 'stack') continue;
    texts.push(...textsOf((value as Record<string, unknown>)[key], depth + 1));
  }
  return texts;
}

// A cut made before scrubbing leaves a secret's prefix behind, so no piece of
// this length of any spelling of a secret may survive either.
const PIECE = 8;

function piecesOf(secret: string): string[] {
  const pieces: string[] = [];
  for (const spelling of [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]) {
    const lower = spelling.toLowerCase();
    for (let start = 0; start + PIECE <= lower.length; start++)
      pieces.push(lower.slice(start, start + PIECE));
  }
  return pieces;
}

function expectNoneSurvives(error: unknown, known: readonly string[]): void {
  expect(error).toBeInstanceOf(DatabrainApiError);
  const texts = [
    JSON.stringify(error),
    ...textsOf(error),
    ...textsOf((error as Error).cause),
    String((error as Error).cause),
  ];
  const pieces = known.flatMap(piecesOf);
  const survivors = texts.flatMap((text) => pieces.filter((piece) => text.toLowerCase().includes(piece)));
  expect(survivors).toEqual([]);
}

describe('scrubbing secrets, for every placement', () => {
  it('leaves no secret, in any letter case or spelling, in a scrubbed text', () => {
    fc.assert(
      fc.property(
        secrets.chain((known) => fc.tuple(fc.constant(known), message(known))),
        ([known, text]) => {
          const list = secretsOfCall([known.apiKey, known.serviceToken], {
            credentials: { password: known.password },
          });
          const scrubbed = scrubSecrets(text, list).toLowerCase();
          expect(
            Object.values(known)
              .flatMap(piecesOf)
              .filter((piece) => scrubbed.includes(piece)),
          ).toEqual([]);
          expect(scrubbed).toContain('[redacted]');
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('scrubs every text of an error cause chain and keeps its classes', () => {
    const cause = new TypeError('proxy said: Bearer SeCrEt-TOKEN-0123456789', {
      cause: Object.assign(new Error('secret-token-0123456789 again'), { code: 'EPROTO' }),
    });
    const copy = scrubValue(cause, ['secret-token-0123456789']) as TypeError;
    expect(copy).toBeInstanceOf(TypeError);
    expect(copy.message).toBe('proxy said: Bearer [redacted]');
    expect((copy.cause as Error & { code: string }).code).toBe('EPROTO');
    expect(textsOf(copy).join(' ').toLowerCase()).not.toContain('secret-token-0123456789');
  });

  it('copies an error whose name and message are prototype getters', () => {
    const cause = new DOMException('proxy saw secret-token-0123456789', 'NetworkError');
    const copy = scrubValue(cause, ['secret-token-0123456789']) as DOMException;
    expect(copy).toBeInstanceOf(DOMException);
    expect(copy.message).toBe('proxy saw [redacted]');
    expect(copy.name).toBe('NetworkError');
    expect(String(copy)).toBe('NetworkError: proxy saw [redacted]');
  });
});

describe('errors of the client, for every placement of a secret', () => {
  let server: ScriptedServer;
  let upstreamMessage = '';
  beforeAll(async () => {
    server = await startScriptedServer(() => ({
      status: 400,
      body: JSON.stringify({ error: { code: 'CREDENTIAL_TEST_FAILED', message: upstreamMessage } }),
    }));
  });
  afterAll(() => server.close());

  it('leaves none in message, cause or JSON when DataBrain echoes them, even across the 300-character cut', async () => {
    await fc.assert(
      fc.asyncProperty(
        secrets.chain((known) => fc.tuple(fc.constant(known), message(known))),
        async ([known, text]) => {
          upstreamMessage = text;
          const client = createDatabrainClient({
            apiKey: known.apiKey,
            serviceToken: known.serviceToken,
            baseUrl: server.url,
            maxRetries: 0,
          });
          const error = await client
            .createDatasource({
              datasourceType: 'mysql',
              credentials: {
                name: 'shop',
                host: 'db.example.com',
                port: 3306,
                user: 'reader',
                password: known.password,
              },
            })
            .catch((caught: unknown) => caught);
          expect((error as DatabrainApiError).code).toBe('CREDENTIAL_TEST_FAILED');
          expectNoneSurvives(error, Object.values(known));
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);

  it('leaves none in the cause when the fetch in use fails with a message that repeats them', async () => {
    await fc.assert(
      fc.asyncProperty(
        secrets.chain((known) => fc.tuple(fc.constant(known), message(known), message(known))),
        async ([known, outer, inner]) => {
          const client = createDatabrainClient({
            apiKey: known.apiKey,
            serviceToken: known.serviceToken,
            baseUrl: server.url,
            maxRetries: 0,
            // A proxy agent that quotes the request in its error, as some do.
            fetch: async () => {
              throw new TypeError(outer, { cause: new Error(inner) });
            },
          });
          const error = await client
            .createDatasource({
              datasourceType: 'postgres',
              credentials: {
                name: 'pg',
                host: 'db.example.com',
                port: 5432,
                username: 'reader',
                password: known.password,
                database: 'app',
                schema: 'public',
              },
            })
            .catch((caught: unknown) => caught);
          expect((error as DatabrainApiError).code).toBe('NETWORK_ERROR');
          expect((error as Error).cause).toBeInstanceOf(TypeError);
          expectNoneSurvives(error, Object.values(known));
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);
});

describe('errors of the data-app data calls, for every placement of a secret', () => {
  let server: ScriptedServer;
  let upstreamMessage = '';
  beforeAll(async () => {
    server = await startScriptedServer(() => ({
      status: 400,
      body: JSON.stringify({ error: { code: 'INVALID_DATA_APP_API_KEY', message: upstreamMessage } }),
    }));
  });
  afterAll(() => server.close());

  const calls = {
    queryMetric: (client: ReturnType<typeof createDatabrainClient>) =>
      client.queryMetric({ embedId: 'e', metricId: 'm', clientId: 'acme', metricFilter: { region: 'EMEA' } }),
    listMetrics: (client: ReturnType<typeof createDatabrainClient>) =>
      client.listMetrics({ embedId: 'e', clientId: 'acme' }),
    listEmbeds: (client: ReturnType<typeof createDatabrainClient>) => client.listEmbeds(),
    createEmbed: (client: ReturnType<typeof createDatabrainClient>) =>
      client.createEmbed({
        embedType: 'dashboard',
        dashboardId: 'd',
        workspaceName: 'w',
        accessSettings: { datamartName: 'm' },
      }),
  };

  it('leaves none in message, cause or JSON when DataBrain echoes the API key, whichever call failed', async () => {
    await fc.assert(
      fc.asyncProperty(
        secrets.chain((known) => fc.tuple(fc.constant(known), message(known))),
        fc.constantFrom(...(Object.keys(calls) as (keyof typeof calls)[])),
        async ([known, text], method) => {
          upstreamMessage = text;
          const client = createDatabrainClient({
            apiKey: known.apiKey,
            serviceToken: known.serviceToken,
            baseUrl: server.url,
            maxRetries: 0,
          });
          const error = await calls[method](client).catch((caught: unknown) => caught);
          expect((error as DatabrainApiError).code).toBe('INVALID_DATA_APP_API_KEY');
          // The data calls carry no credential field: the keys themselves are what must not survive.
          expectNoneSurvives(error, [known.apiKey, known.serviceToken]);
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);
});
