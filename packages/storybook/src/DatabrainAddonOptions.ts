/**
 * The options of the addon, given in `.storybook/main.ts`:
 * `addons: [{ name: '@databrain-embed/storybook', options: { … } }]`.
 *
 * @example
 * ```ts
 * import type { DatabrainAddonOptions } from '@databrain-embed/storybook';
 * const options: DatabrainAddonOptions = { configPath: 'databrain.config.ts' };
 * ```
 */
export interface DatabrainAddonOptions {
  /** The config file, relative to the Storybook config directory. Default `databrain.ts` (or `.mts`, `.js`, …). */
  readonly configPath?: string;
  /**
   * Your own token endpoint, for a static Storybook that shows real data
   * (`https://…`): `storybook build` then calls it (with `?persona=<name>`)
   * and loads DataBrain's own elements. Without it a build uses the emulator
   * in the page, and refuses to run while `DATABRAIN_API_KEY` is set.
   */
  readonly tokenEndpoint?: string;
}
