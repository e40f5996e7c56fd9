import { DATABRAIN_TOKEN_PATH } from './addonPaths.ts';

/**
 * Options of {@link databrainTokenUrl}.
 *
 * @example
 * ```ts
 * import type { DatabrainTokenUrlOptions } from '@databrain-embed/storybook';
 * const slow: DatabrainTokenUrlOptions = { persona: 'acme-viewer', delayMs: 4000 };
 * ```
 */
export interface DatabrainTokenUrlOptions {
  /** The persona to mint for; default: the persona of the toolbar (through its cookie). */
  readonly persona?: string;
  /** Answer this many milliseconds late, like a slow backend (at most 60 000). */
  readonly delayMs?: number;
  /** Answer this HTTP error status (400-599) instead of a token, like a failing backend. */
  readonly status?: number;
}

/**
 * The URL of the addon's token endpoint for a story that renders its own
 * `<DatabrainProvider>` (`parameters.databrain = { provider: false }`):
 * optionally for a given persona, late or failing on purpose.
 *
 * @example
 * ```tsx
 * import { databrainTokenUrl } from '@databrain-embed/storybook';
 *
 * export const Slow = {
 *   parameters: { databrain: { provider: false } },
 *   render: () => (
 *     <DatabrainProvider tokenEndpoint={databrainTokenUrl({ persona: 'acme-viewer', delayMs: 4000 })}>
 *       <Dashboard dashboardId="orders" />
 *     </DatabrainProvider>
 *   ),
 * };
 * ```
 */
export function databrainTokenUrl(options: DatabrainTokenUrlOptions = {}): string {
  const query = new URLSearchParams();
  if (options.persona !== undefined) query.set('persona', options.persona);
  if (options.delayMs !== undefined) query.set('delay', String(options.delayMs));
  if (options.status !== undefined) query.set('status', String(options.status));
  const search = query.toString();
  return search ? `${DATABRAIN_TOKEN_PATH}?${search}` : DATABRAIN_TOKEN_PATH;
}
