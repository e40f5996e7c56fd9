/**
 * One row of a team's own data: a plain JSON object of column → value. Column
 * types are read from the values (see `readColumns`): numbers, booleans,
 * ISO dates (`2024-01-31`, `2024-01-31T09:00:00Z`) and other strings; `null`
 * is an empty cell.
 *
 * @example
 * ```ts
 * import type { EmulatorRow } from '@databrain-embed/emulator';
 * const row: EmulatorRow = { tenant: 'acme', status: 'shipped', total: 129.5, placedAt: '2024-03-02' };
 * ```
 */
export type EmulatorRow = Readonly<Record<string, string | number | boolean | null>>;

/**
 * One embed of a data app: what the front end names in `dashboard-id` /
 * `metric-id`. With `rows`, its preview serves those rows and their columns
 * (limited to the token's tenant through the seed's `tenantColumn`, then by
 * its filters) instead of the built-in sample table.
 *
 * @example
 * ```ts
 * import type { EmulatorEmbed } from '@databrain-embed/emulator';
 * const embed: EmulatorEmbed = { embedId: 'orders', type: 'dashboard', name: 'Orders',
 *   rows: [{ tenant: 'acme', status: 'shipped', total: 129.5, placedAt: '2024-03-02' }] };
 * ```
 */
export interface EmulatorEmbed {
  readonly embedId: string;
  readonly type: 'dashboard' | 'metric';
  readonly name: string;
  /** The team's own rows for this embed; without them the preview shows `SAMPLE_ROWS`. */
  readonly rows?: readonly EmulatorRow[];
}

/**
 * The column of embeds' own `rows` that names each row's tenant when the
 * seed gives no `tenantColumn`: `tenant`, as in the sample table.
 *
 * @example
 * ```ts
 * import { DEFAULT_TENANT_COLUMN } from '@databrain-embed/emulator';
 * DEFAULT_TENANT_COLUMN; // 'tenant'
 * ```
 */
export const DEFAULT_TENANT_COLUMN = 'tenant' as const;

/**
 * A data app the emulator knows: its embeds and the API keys that may mint
 * guest tokens for it.
 *
 * @example
 * ```ts
 * import type { EmulatorDataApp } from '@databrain-embed/emulator';
 * const app: EmulatorDataApp = { name: 'shop', apiKeys: ['shop-key'], embeds: [] };
 * ```
 */
export interface EmulatorDataApp {
  readonly name: string;
  readonly apiKeys: readonly string[];
  readonly embeds: readonly EmulatorEmbed[];
}

/**
 * Everything the emulator holds at start: data apps, credentials and the
 * organization-level names that workspaces and guest tokens may refer to.
 *
 * @example
 * ```ts
 * import { DEFAULT_EMULATOR_SEED, type EmulatorSeed } from '@databrain-embed/emulator';
 * const seed: EmulatorSeed = { ...DEFAULT_EMULATOR_SEED, llms: ['gpt-4o', 'gpt-4o-mini'] };
 * ```
 */
export interface EmulatorSeed {
  readonly dataApps: readonly EmulatorDataApp[];
  readonly serviceTokens: readonly string[];
  readonly datasources: readonly string[];
  readonly datamarts: readonly string[];
  readonly llms: readonly string[];
  readonly themes: readonly string[];
  readonly workspaces: readonly string[];
  /**
   * The column of embeds' own `rows` that holds the tenant a guest token's
   * `clientId` must match (`'None'` sees every row); default `tenant`
   * (`DEFAULT_TENANT_COLUMN`). The sample table always uses `tenant`.
   */
  readonly tenantColumn?: string;
}

/**
 * Part of a seed, as passed to `startEmulator({ seed })` or written in a
 * config file. Lists are added to the default seed; a data app with the name
 * of an existing one adds its keys and embeds to it; a `tenantColumn`
 * replaces the default one.
 *
 * @example
 * ```ts
 * import type { EmulatorSeedInput } from '@databrain-embed/emulator';
 * const extra: EmulatorSeedInput = { datasources: ['postgres-eu'] };
 * ```
 */
export type EmulatorSeedInput = { readonly [K in keyof EmulatorSeed]?: EmulatorSeed[K] };

/**
 * The data-app API key of the default seed (emulator only, not a secret).
 *
 * @example
 * ```ts
 * import { EMULATOR_API_KEY } from '@databrain-embed/emulator';
 * headers.authorization = `Bearer ${EMULATOR_API_KEY}`;
 * ```
 */
export const EMULATOR_API_KEY = 'dbn-emulator-api-key' as const;

/**
 * The service token of the default seed (emulator only, not a secret).
 *
 * @example
 * ```ts
 * import { EMULATOR_SERVICE_TOKEN } from '@databrain-embed/emulator';
 * headers.authorization = `Bearer ${EMULATOR_SERVICE_TOKEN}`;
 * ```
 */
export const EMULATOR_SERVICE_TOKEN = 'dbn-emulator-service-token' as const;

/**
 * The data app of the default seed.
 *
 * @example
 * ```ts
 * import { EMULATOR_DATA_APP } from '@databrain-embed/emulator';
 * const body = { clientId: 'acme', dataAppName: EMULATOR_DATA_APP };
 * ```
 */
export const EMULATOR_DATA_APP = 'demo-app' as const;

/**
 * What every emulator starts with unless told otherwise. Tests, stories and
 * demos rely on these exact values.
 *
 * @example
 * ```ts
 * import { DEFAULT_EMULATOR_SEED } from '@databrain-embed/emulator';
 * DEFAULT_EMULATOR_SEED.dataApps[0]?.embeds.map((embed) => embed.embedId);
 * // ['sales-overview', 'customer-health', 'revenue', 'active-users']
 * ```
 */
export const DEFAULT_EMULATOR_SEED: EmulatorSeed = {
  dataApps: [
    {
      name: EMULATOR_DATA_APP,
      apiKeys: [EMULATOR_API_KEY],
      embeds: [
        { embedId: 'sales-overview', type: 'dashboard', name: 'Sales overview' },
        { embedId: 'customer-health', type: 'dashboard', name: 'Customer health' },
        { embedId: 'revenue', type: 'metric', name: 'Revenue' },
        { embedId: 'active-users', type: 'metric', name: 'Active users' },
      ],
    },
  ],
  serviceTokens: [EMULATOR_SERVICE_TOKEN],
  datasources: ['warehouse'],
  datamarts: ['sales-mart'],
  llms: ['gpt-4o'],
  themes: ['default'],
  workspaces: [],
};
