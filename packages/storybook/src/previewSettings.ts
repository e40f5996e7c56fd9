import type { StorybookMode } from './storybookMode.ts';

/**
 * What the preset tells the preview about this Storybook, through the
 * addon's virtual module: the mode and the token endpoint the addon's
 * provider calls. Never a key.
 */
export interface PreviewSettings {
  readonly mode: StorybookMode;
  /** {@link DATABRAIN_TOKEN_PATH}, or the team's own endpoint in `static-live` mode. */
  readonly tokenEndpoint: string;
}

/** The id the addon's preview imports the team's config and the settings by. */
export const VIRTUAL_CONFIG_ID = 'virtual:databrain-storybook';
