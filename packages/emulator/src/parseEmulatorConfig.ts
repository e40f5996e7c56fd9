import { DatabrainValidationError } from '@databrain-embed/core';
import { closedObject, requiredText, toValidationIssues, z } from '@databrain-embed/core/internal';
import type { EmulatorDataApp, EmulatorEmbed, EmulatorMetric, EmulatorSeedInput } from './emulatorSeed.ts';
import type { StartEmulatorOptions } from './StartEmulatorOptions.ts';

/**
 * The JSON config file of the emulator (`--config file.json`): where to
 * listen and what to add to the seed. With `includeDefaultSeed: false` the
 * seed starts empty instead of from `DEFAULT_EMULATOR_SEED`.
 *
 * @example
 * ```json
 * { "port": 4555, "seed": { "dataApps": [{ "name": "shop", "apiKeys": ["shop-key"],
 *   "embeds": [{ "embedId": "orders", "type": "dashboard", "name": "Orders" }] }] } }
 * ```
 */
export interface EmulatorConfig {
  readonly host?: string;
  readonly port?: number;
  readonly includeDefaultSeed?: boolean;
  readonly seed?: EmulatorSeedInput;
}

const names = z.array(requiredText(), { error: 'must be an array of non-empty strings' });

const cell = z.union([z.string(), z.number(), z.boolean(), z.null()], {
  error: 'must be a string, a finite number, a boolean or null',
});

const metricSchema = closedObject(
  {
    metricId: requiredText(),
    name: z.string({ error: 'must be a string' }).exactOptional(),
    rows: z
      .array(z.record(z.string(), cell, { error: 'must be an object (a row)' }), {
        error: 'must be an array of rows',
      })
      .exactOptional(),
  },
  'must be an object { metricId, name, rows }',
  'key',
).transform((metric): EmulatorMetric => ({ ...metric, name: metric.name ?? metric.metricId }));

const embedSchema = closedObject(
  {
    embedId: requiredText(),
    type: z.enum(['dashboard', 'metric'], { error: 'must be "dashboard" or "metric"' }),
    name: z.string({ error: 'must be a string' }).exactOptional(),
    metrics: z.array(metricSchema, { error: 'must be an array' }).exactOptional(),
  },
  'must be an object { embedId, type, name, metrics }',
  'key',
).transform((embed): EmulatorEmbed => ({ ...embed, name: embed.name ?? embed.embedId }));

const dataAppSchema = closedObject(
  {
    name: requiredText(),
    apiKeys: names.exactOptional(),
    embeds: z.array(embedSchema, { error: 'must be an array' }).exactOptional(),
  },
  'must be an object { name, apiKeys, embeds }',
  'key',
).transform(
  (app): EmulatorDataApp => ({ name: app.name, apiKeys: app.apiKeys ?? [], embeds: app.embeds ?? [] }),
);

const seedSchema = closedObject(
  {
    serviceTokens: names.exactOptional(),
    datasources: names.exactOptional(),
    datamarts: names.exactOptional(),
    llms: names.exactOptional(),
    themes: names.exactOptional(),
    workspaces: names.exactOptional(),
    dataApps: z.array(dataAppSchema, { error: 'must be an array' }).exactOptional(),
  },
  'must be an object',
  'key',
);

// What a config file and the options of startEmulator share.
const configFields = {
  host: requiredText().exactOptional(),
  port: z
    .number({ error: 'must be an integer from 0 to 65535' })
    .int('must be an integer from 0 to 65535')
    .min(0, 'must be an integer from 0 to 65535')
    .max(65535, 'must be an integer from 0 to 65535')
    .exactOptional(),
  includeDefaultSeed: z.boolean({ error: 'must be a boolean' }).exactOptional(),
  seed: seedSchema.exactOptional(),
};

const configSchema = closedObject(configFields, 'must be a JSON object', 'key');

const optionsSchema = closedObject(
  {
    ...configFields,
    now: z
      .custom<() => number>((value) => typeof value === 'function', {
        error: 'must be a function returning epoch milliseconds',
      })
      .exactOptional(),
    maxBodyBytes: z
      .number({ error: 'must be a positive integer of bytes' })
      .int('must be a positive integer of bytes')
      .positive('must be a positive integer of bytes')
      .exactOptional(),
  },
  'must be an object',
  'option',
);

function parse<T>(schema: z.ZodType<T>, value: unknown, subject: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new DatabrainValidationError(subject, toValidationIssues(result.error.issues));
  return result.data;
}

/**
 * Validates a seed passed in code (`startEmulator({ seed })`); throws a
 * `DatabrainValidationError` listing every problem with its path.
 *
 * @example
 * ```ts
 * import { parseEmulatorSeed } from '@databrain-embed/emulator';
 * const seed = parseEmulatorSeed({ datasources: ['postgres-eu'] });
 * ```
 */
export function parseEmulatorSeed(value: unknown, subject = 'emulator seed'): EmulatorSeedInput {
  return parse(seedSchema, value, subject);
}

/**
 * Validates the content of an emulator config file; throws a
 * `DatabrainValidationError` listing every problem with its path
 * (`seed.dataApps[0].embeds[1].type: must be "dashboard" or "metric"`).
 *
 * @example
 * ```ts
 * import { parseEmulatorConfig } from '@databrain-embed/emulator';
 * const config = parseEmulatorConfig(JSON.parse(text), 'emulator config emulator.json');
 * ```
 */
export function parseEmulatorConfig(value: unknown, subject = 'emulator config'): EmulatorConfig {
  return parse(configSchema, value, subject);
}

/**
 * Validates the options of `startEmulator` by the rules of the config file,
 * plus its code-only options (`now`, `maxBodyBytes`); throws a
 * `DatabrainValidationError` listing every problem with its path.
 */
export function parseEmulatorOptions(value: unknown): StartEmulatorOptions {
  return parse(optionsSchema, value, 'startEmulator options');
}
