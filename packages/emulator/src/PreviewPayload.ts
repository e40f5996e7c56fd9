import type { EmulatorEmbed } from './emulatorSeed.ts';
import type { FilterReport } from './filterRows.ts';
import type { GuestTokenClaims } from './GuestTokenClaims.ts';
import type { SampleRow } from './sampleData.ts';

/**
 * The `data` of a preview route's answer
 * (`GET /api/v2/dashboard?dashboardId=…`, `GET /api/v2/dashboard/embeddedMetric?metricId=…`):
 * the embed, the token's claims, and the sample rows left after tenancy and
 * the token's filters, with a report of each filter.
 *
 * @example
 * ```ts
 * import type { PreviewPayload } from '@databrain-embed/emulator';
 * const { data } = (await response.json()) as { data: PreviewPayload };
 * data.rows.length;
 * ```
 */
export interface PreviewPayload {
  readonly embed: EmulatorEmbed;
  /** The token's claims; `expiresInMs` is counted on the emulator's clock (`null` = never). */
  readonly claims: GuestTokenClaims & { readonly expiresInMs: number | null };
  readonly columns: readonly (keyof SampleRow)[];
  readonly rows: readonly SampleRow[];
  readonly filters: readonly FilterReport[];
}
