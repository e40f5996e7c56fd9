import type { TokenOverrides } from './TokenOverrides.ts';

/**
 * `parameters.databrain` of a story (or of its meta, or of the whole
 * Storybook in `preview.ts`).
 *
 * @example
 * ```ts
 * import type { DatabrainStoryParameters } from '@databrain-embed/storybook';
 * export const Editor = {
 *   parameters: {
 *     databrain: {
 *       persona: 'globex-editor',
 *       token: { permissions: { isEnableDownloadMetrics: true } },
 *     } satisfies DatabrainStoryParameters,
 *   },
 * };
 * ```
 */
export interface DatabrainStoryParameters {
  /** Pins the persona, whatever the toolbar says. */
  readonly persona?: string;
  /** Changes the persona's token for this story (merged over the persona's grant). */
  readonly token?: TokenOverrides;
  /**
   * `false`: the story renders its own `<DatabrainProvider>` (with
   * `tokenEndpoint={DATABRAIN_TOKEN_PATH}` or `databrainTokenUrl(…)`); the
   * addon still picks the persona (through a cookie) and defines the
   * preview elements. Default: the addon wraps the story in a provider.
   */
  readonly provider?: false;
  /**
   * Makes the addon's token and metric-data endpoints slow or failing for
   * this story (its own provider's requests): `{ delayMs: 4000 }`, `{ status: 503 }`.
   */
  readonly endpoint?: { readonly delayMs?: number; readonly status?: number };
}
