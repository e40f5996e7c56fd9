import type { EmulatorEmbed, EmulatorRow } from './emulatorSeed.ts';
import type { FilterReport } from './filterRows.ts';
import type { GuestTokenClaims } from './GuestTokenClaims.ts';
import type { PreviewColumn } from './readColumns.ts';

/**
 * The `data` of a preview route's answer
 * (`GET /api/v2/dashboard?dashboardId=…`, `GET /api/v2/dashboard/embeddedMetric?metricId=…`):
 * the embed, the token's claims, the columns of the embed's table (its own
 * `rows`, else the sample table) and the rows left after tenancy and the
 * token's filters, with a report of each filter.
 *
 * @example
 * ```ts
 * import type { PreviewPayload } from '@databrain-embed/emulator';
 * const { data } = (await response.json()) as { data: PreviewPayload };
 * data.columns.map((column) => `${column.name}: ${column.type}`); // ['tenant: string', 'amount: number', …]
 * ```
 */
export interface PreviewPayload {
  /** The embed, without its rows: only `rows` below, the token's share of them, reach the browser. */
  readonly embed: Pick<EmulatorEmbed, 'embedId' | 'type' | 'name'>;
  /** The token's claims; `expiresInMs` is counted on the emulator's clock (`null` = never). */
  readonly claims: GuestTokenClaims & { readonly expiresInMs: number | null };
  /** Every column of the embed's table, whether or not a row is left. */
  readonly columns: readonly PreviewColumn[];
  readonly rows: readonly EmulatorRow[];
  readonly filters: readonly FilterReport[];
}
