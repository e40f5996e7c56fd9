import { DATABRAIN_DATA_PATH } from './addonPaths.ts';
import type { DatabrainTokenUrlOptions } from './databrainTokenUrl.ts';

/**
 * The URL of the addon's metric-data endpoint, for a provider of your own
 * (`<DatabrainProvider dataEndpoint>`): optionally for a given persona, late
 * or failing on purpose (the same options as `databrainTokenUrl`). Without a
 * persona, a request is answered for the story's.
 *
 * @example
 * ```tsx
 * import { databrainDataUrl, databrainTokenUrl } from '@databrain-embed/storybook';
 *
 * <DatabrainProvider
 *   tokenEndpoint={databrainTokenUrl({ persona: 'globex-editor' })}
 *   dataEndpoint={databrainDataUrl({ persona: 'globex-editor' })}
 *   scope="globex-editor"
 * >
 *   <RevenueKpi />
 * </DatabrainProvider>;
 * ```
 */
export function databrainDataUrl(options: DatabrainTokenUrlOptions = {}): string {
  const query = new URLSearchParams();
  if (options.persona !== undefined) query.set('persona', options.persona);
  if (options.delayMs !== undefined) query.set('delay', String(options.delayMs));
  if (options.status !== undefined) query.set('status', String(options.status));
  const search = query.toString();
  return search ? `${DATABRAIN_DATA_PATH}?${search}` : DATABRAIN_DATA_PATH;
}
