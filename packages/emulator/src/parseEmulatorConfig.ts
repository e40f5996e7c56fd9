import { DatabrainValidationError } from '@databrain-embed/core';
import { closedObject, requiredText, toValidationIssues, z } from '@databrain-embed/core/internal';
import type { EmulatorHandlerOptions } from './EmulatorHandlerOptions.ts';
import {
  DEFAULT_TENANT_COLUMN,
  type EmulatorDataApp,
  type EmulatorEmbed,
  type EmulatorRow,
  type EmulatorSeedInput,
} from './emulatorSeed.ts';
import { cellType } from './readColumns.ts';
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

const cellSchema = z.union([z.string(), z.number(), z.boolean(), z.null()], {
  error: 'must be a string, number, boolean or null',
});

const rowSchema = z.record(z.string(), cellSchema, { error: 'must be an object of column → value' });

/** `number`, `boolean` or `text` (dates are text of a kind): what one column may not mix. */
const kindOf = (value: string | number | boolean) =>
  cellType(value) === 'date' ? 'string' : cellType(value);

type Issue = { readonly path: PropertyKey[]; readonly message: string };

/** Columns are named, and a column holds one kind of value (or null), as a database column does. */
function columnIssues(rows: readonly EmulatorRow[]): Issue[] {
  const first = new Map<string, { index: number; kind: string }>();
  const issues: Issue[] = [];
  rows.forEach((row, index) => {
    for (const [name, value] of Object.entries(row)) {
      if (name.trim() === '') {
        issues.push({ path: [index], message: 'column names must not be empty' });
        continue;
      }
      if (value === null) continue;
      const kind = kindOf(value);
      const seen = first.get(name);
      if (seen === undefined) first.set(name, { index, kind });
      else if (seen.kind !== kind) {
        issues.push({
          path: [index, name],
          message: `must be a ${seen.kind} or null like rows[${seen.index}].${name}: a column holds one type`,
        });
      }
    }
  });
  return issues;
}

const rowsSchema = z.array(rowSchema, { error: 'must be an array of rows (objects of column → value)' });

const embedSchema = closedObject(
  {
    embedId: requiredText(),
    type: z.enum(['dashboard', 'metric'], { error: 'must be "dashboard" or "metric"' }),
    name: z.string({ error: 'must be a string' }).exactOptional(),
    rows: rowsSchema
      .superRefine((rows, context) => {
        for (const issue of columnIssues(rows)) context.addIssue({ code: 'custom', ...issue });
      })
      .exactOptional(),
  },
  'must be an object { embedId, type, name, rows }',
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

/**
 * Every row of every embed names its tenant in the tenant column, so that no
 * row is silently hidden from every token but `clientId: 'None'`.
 */
function tenantIssues(seed: EmulatorSeedInput): Issue[] {
  const column = seed.tenantColumn ?? DEFAULT_TENANT_COLUMN;
  const issues: Issue[] = [];
  (seed.dataApps ?? []).forEach((app, appIndex) => {
    app.embeds.forEach((embed, embedIndex) => {
      (embed.rows ?? []).forEach((row, rowIndex) => {
        const tenant = row[column];
        if (typeof tenant === 'string' ? tenant.trim() === '' : typeof tenant !== 'number') {
          issues.push({
            path: ['dataApps', appIndex, 'embeds', embedIndex, 'rows', rowIndex, column],
            message: `must name the row's tenant (a non-empty string or a number): rows are limited to a token's clientId through tenantColumn "${column}"`,
          });
        }
      });
    });
  });
  return issues;
}

const seedSchema = closedObject(
  {
    serviceTokens: names.exactOptional(),
    datasources: names.exactOptional(),
    datamarts: names.exactOptional(),
    llms: names.exactOptional(),
    themes: names.exactOptional(),
    workspaces: names.exactOptional(),
    dataApps: z.array(dataAppSchema, { error: 'must be an array' }).exactOptional(),
    tenantColumn: requiredText().exactOptional(),
  },
  'must be an object',
  'key',
).superRefine((seed, context) => {
  for (const issue of tenantIssues(seed)) context.addIssue({ code: 'custom', ...issue });
});

// What the emulator holds, in a config file and in code alike.
const seedFields = {
  includeDefaultSeed: z.boolean({ error: 'must be a boolean' }).exactOptional(),
  seed: seedSchema.exactOptional(),
};

// Where to listen: a config file and startEmulator only.
const listenFields = {
  host: requiredText().exactOptional(),
  port: z
    .number({ error: 'must be an integer from 0 to 65535' })
    .int('must be an integer from 0 to 65535')
    .min(0, 'must be an integer from 0 to 65535')
    .max(65535, 'must be an integer from 0 to 65535')
    .exactOptional(),
};

// Options only code can give.
const codeFields = {
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
};

const configSchema = closedObject({ ...listenFields, ...seedFields }, 'must be a JSON object', 'key');

const optionsSchema = closedObject(
  { ...listenFields, ...seedFields, ...codeFields },
  'must be an object',
  'option',
);

const handlerOptionsSchema = closedObject({ ...seedFields, ...codeFields }, 'must be an object', 'option');

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

/**
 * Validates the options of `createEmulatorHandler`: `startEmulator`'s
 * without `port` and `host`, as nothing listens.
 */
export function parseEmulatorHandlerOptions(value: unknown): EmulatorHandlerOptions {
  return parse(handlerOptionsSchema, value, 'createEmulatorHandler options');
}
