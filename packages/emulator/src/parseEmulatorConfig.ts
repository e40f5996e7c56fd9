import { DatabrainValidationError, type ValidationIssue } from '@databrain-embed/core';
import type { EmulatorDataApp, EmulatorEmbed, EmulatorSeedInput } from './emulatorSeed.ts';
import { isRecord } from './isRecord.ts';

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

const NAME_LISTS = ['serviceTokens', 'datasources', 'datamarts', 'llms', 'themes', 'workspaces'] as const;
const SEED_KEYS: ReadonlySet<string> = new Set(['dataApps', ...NAME_LISTS]);
const CONFIG_KEYS: ReadonlySet<string> = new Set(['host', 'port', 'includeDefaultSeed', 'seed']);

const isName = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

class IssueList {
  readonly issues: ValidationIssue[] = [];
  add(path: string, message: string): void {
    this.issues.push({ path, message });
  }
  unknownKeys(value: Record<string, unknown>, allowed: ReadonlySet<string>, path: string): void {
    for (const key of Object.keys(value)) {
      if (!allowed.has(key)) this.add(path ? `${path}.${key}` : key, 'is not a known key');
    }
  }
  names(value: unknown, path: string): string[] {
    if (!Array.isArray(value)) {
      this.add(path, 'must be an array of non-empty strings');
      return [];
    }
    value.forEach((item, index) => {
      if (!isName(item)) this.add(`${path}[${index}]`, 'must be a non-empty string');
    });
    return value.filter(isName);
  }
}

function parseEmbed(value: unknown, path: string, issues: IssueList): EmulatorEmbed | undefined {
  if (!isRecord(value)) {
    issues.add(path, 'must be an object { embedId, type, name }');
    return undefined;
  }
  issues.unknownKeys(value, new Set(['embedId', 'type', 'name']), path);
  const { embedId, type, name } = value;
  if (!isName(embedId)) issues.add(`${path}.embedId`, 'must be a non-empty string');
  if (type !== 'dashboard' && type !== 'metric')
    issues.add(`${path}.type`, 'must be "dashboard" or "metric"');
  if (name !== undefined && typeof name !== 'string') issues.add(`${path}.name`, 'must be a string');
  if (!isName(embedId) || (type !== 'dashboard' && type !== 'metric')) return undefined;
  return { embedId, type, name: typeof name === 'string' ? name : embedId };
}

function parseDataApp(value: unknown, path: string, issues: IssueList): EmulatorDataApp | undefined {
  if (!isRecord(value)) {
    issues.add(path, 'must be an object { name, apiKeys, embeds }');
    return undefined;
  }
  issues.unknownKeys(value, new Set(['name', 'apiKeys', 'embeds']), path);
  if (!isName(value.name)) issues.add(`${path}.name`, 'must be a non-empty string');
  const apiKeys = value.apiKeys === undefined ? [] : issues.names(value.apiKeys, `${path}.apiKeys`);
  let embeds: EmulatorEmbed[] = [];
  if (value.embeds !== undefined) {
    if (Array.isArray(value.embeds)) {
      embeds = value.embeds
        .map((embed, index) => parseEmbed(embed, `${path}.embeds[${index}]`, issues))
        .filter((embed) => embed !== undefined);
    } else {
      issues.add(`${path}.embeds`, 'must be an array');
    }
  }
  return isName(value.name) ? { name: value.name, apiKeys, embeds } : undefined;
}

function parseSeed(value: unknown, path: string, issues: IssueList): EmulatorSeedInput {
  if (!isRecord(value)) {
    issues.add(path, 'must be an object');
    return {};
  }
  issues.unknownKeys(value, SEED_KEYS, path);
  const at = (key: string) => (path ? `${path}.${key}` : key);
  const seed: { -readonly [K in keyof EmulatorSeedInput]: EmulatorSeedInput[K] } = {};
  for (const key of NAME_LISTS) {
    if (value[key] !== undefined) seed[key] = issues.names(value[key], at(key));
  }
  if (value.dataApps !== undefined) {
    if (Array.isArray(value.dataApps)) {
      seed.dataApps = value.dataApps
        .map((app, index) => parseDataApp(app, `${at('dataApps')}[${index}]`, issues))
        .filter((app) => app !== undefined);
    } else {
      issues.add(at('dataApps'), 'must be an array');
    }
  }
  return seed;
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
  const issues = new IssueList();
  const seed = parseSeed(value, '', issues);
  if (issues.issues.length > 0) throw new DatabrainValidationError(subject, issues.issues);
  return seed;
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
  const issues = new IssueList();
  if (!isRecord(value)) {
    throw new DatabrainValidationError(subject, [{ path: '', message: 'must be a JSON object' }]);
  }
  issues.unknownKeys(value, CONFIG_KEYS, '');
  const { host, port, includeDefaultSeed } = value;
  if (host !== undefined && !isName(host)) issues.add('host', 'must be a non-empty string');
  if (
    port !== undefined &&
    !(Number.isInteger(port) && typeof port === 'number' && port >= 0 && port <= 65535)
  ) {
    issues.add('port', 'must be an integer from 0 to 65535');
  }
  if (includeDefaultSeed !== undefined && typeof includeDefaultSeed !== 'boolean') {
    issues.add('includeDefaultSeed', 'must be a boolean');
  }
  const seed = value.seed === undefined ? undefined : parseSeed(value.seed, 'seed', issues);
  if (issues.issues.length > 0) throw new DatabrainValidationError(subject, issues.issues);
  return {
    ...(isName(host) ? { host } : {}),
    ...(typeof port === 'number' ? { port } : {}),
    ...(typeof includeDefaultSeed === 'boolean' ? { includeDefaultSeed } : {}),
    ...(seed === undefined ? {} : { seed }),
  };
}
