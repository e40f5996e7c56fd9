// The Node side of the addon, which Storybook loads as `@databrain-embed/storybook/preset`.
// Storybook finds the preview and manager entries itself (`./preview`, `./manager`).
import type { UserConfig } from 'vite';
import { DATABRAIN_TOKEN_PATH } from './addonPaths.ts';
import type { DatabrainAddonOptions } from './DatabrainAddonOptions.ts';
import { databrainVitePlugin } from './databrainVitePlugin.ts';
import { findDatabrainConfig } from './findDatabrainConfig.ts';
import { loadDatabrainConfig } from './loadDatabrainConfig.ts';
import { readLiveSettings } from './readLiveSettings.ts';
import { storybookMode } from './storybookMode.ts';

export { LIVE_VARIABLES, type LiveSettings, readLiveSettings } from './readLiveSettings.ts';
export { type StorybookMode, storybookMode } from './storybookMode.ts';

/**
 * What Storybook hands a preset function: its own options (the config
 * directory, development or production) with the addon's options merged in.
 *
 * @example
 * ```ts
 * import type { DatabrainPresetOptions } from '@databrain-embed/storybook/preset';
 * const options: DatabrainPresetOptions = { configDir: '.storybook', configType: 'DEVELOPMENT' };
 * ```
 */
export interface DatabrainPresetOptions extends DatabrainAddonOptions {
  readonly configDir: string;
  readonly configType?: 'DEVELOPMENT' | 'PRODUCTION' | undefined;
}

/**
 * Loads and checks `.storybook/databrain.ts` (a bad persona stops Storybook
 * here, naming the persona and the field), decides the mode, and adds the
 * addon's Vite plugin. `storybook build` with `DATABRAIN_API_KEY` set and no
 * `tokenEndpoint` option fails here, before anything is bundled.
 *
 * @example
 * ```ts
 * // Storybook calls it; by hand:
 * const viteConfig = await viteFinal({}, { configDir: '.storybook', configType: 'PRODUCTION' });
 * ```
 */
export async function viteFinal(config: UserConfig, options: DatabrainPresetOptions): Promise<UserConfig> {
  const { configDir, configPath, tokenEndpoint } = options;
  const configFile = findDatabrainConfig(configDir, configPath);
  const load = () => loadDatabrainConfig(configFile);
  const databrain = await load();
  const mode = storybookMode({
    command: options.configType === 'PRODUCTION' ? 'build' : 'serve',
    env: process.env,
    tokenEndpoint,
  });
  const plugin = databrainVitePlugin({
    configFile,
    config: databrain,
    reload: load,
    settings: {
      mode,
      tokenEndpoint: mode === 'static-live' ? (tokenEndpoint as string) : DATABRAIN_TOKEN_PATH,
    },
    live: mode === 'live' ? readLiveSettings(process.env) : undefined,
  });
  return { ...config, plugins: [...(config.plugins ?? []), plugin] };
}
