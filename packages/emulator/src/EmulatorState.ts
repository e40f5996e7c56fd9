import {
  DEFAULT_TENANT_COLUMN,
  type EmulatorDataApp,
  type EmulatorEmbed,
  type EmulatorSeed,
} from './emulatorSeed.ts';
import type { GuestTokenClaims } from './GuestTokenClaims.ts';

/** A data app as held in memory, with timestamps for the list endpoint. */
export interface StoredDataApp {
  readonly name: string;
  readonly embeds: EmulatorEmbed[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

/**
 * The emulator's in-memory organization: data apps, credentials, names, and
 * the guest tokens it has issued.
 */
export class EmulatorState {
  readonly dataApps: Map<string, StoredDataApp> = new Map();
  /** API key → name of the data app it belongs to. */
  readonly apiKeys: Map<string, string> = new Map();
  readonly serviceTokens: Set<string>;
  readonly datasources: Set<string>;
  readonly datamarts: Set<string>;
  readonly llms: Set<string>;
  readonly themes: Set<string>;
  readonly workspaces: Set<string>;
  readonly tokens: Map<string, GuestTokenClaims> = new Map();
  /** The column of embeds' own rows that a token's `clientId` must match. */
  readonly tenantColumn: string;

  constructor(seed: EmulatorSeed, startedAt: string) {
    for (const app of seed.dataApps) this.addDataApp(app, startedAt);
    this.serviceTokens = new Set(seed.serviceTokens);
    this.datasources = new Set(seed.datasources);
    this.datamarts = new Set(seed.datamarts);
    this.llms = new Set(seed.llms);
    this.themes = new Set(seed.themes);
    this.workspaces = new Set(seed.workspaces);
    this.tenantColumn = seed.tenantColumn ?? DEFAULT_TENANT_COLUMN;
  }

  private addDataApp(app: EmulatorDataApp, at: string): void {
    this.dataApps.set(app.name, { name: app.name, embeds: [...app.embeds], createdAt: at, updatedAt: at });
    for (const key of app.apiKeys) this.apiKeys.set(key, app.name);
  }

  /** What kind of credential `value` is, and for an API key, its data app. */
  classify(
    value: string | undefined,
  ):
    | { kind: 'none' }
    | { kind: 'unknown' }
    | { kind: 'serviceToken' }
    | { kind: 'apiKey'; dataAppName: string } {
    if (value === undefined || value === '') return { kind: 'none' };
    if (this.serviceTokens.has(value)) return { kind: 'serviceToken' };
    const dataAppName = this.apiKeys.get(value);
    return dataAppName === undefined ? { kind: 'unknown' } : { kind: 'apiKey', dataAppName };
  }

  findEmbed(dataAppName: string, embedId: string): EmulatorEmbed | undefined {
    return this.dataApps.get(dataAppName)?.embeds.find((embed) => embed.embedId === embedId);
  }
}
