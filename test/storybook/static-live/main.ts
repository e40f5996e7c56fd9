import type { StorybookConfig } from '@storybook/react-vite';

/** Where this Storybook's tokens come from once built: a team's own endpoint (the test answers it). */
export const TEAM_TOKEN_ENDPOINT = 'https://analytics.example.com/api/databrain/token';

/**
 * A one-story Storybook that goes live through a team's own token endpoint
 * (the addon option `tokenEndpoint`), built by the static Storybook test with
 * `DATABRAIN_API_KEY` set: the build must pass and hold no key.
 */
const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: ['./Live.stories.tsx'],
  addons: [
    {
      name: '@databrain-embed/storybook',
      options: { configPath: '../../../.storybook/databrain.ts', tokenEndpoint: TEAM_TOKEN_ENDPOINT },
    },
  ],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal(viteConfig) {
    // DataBrain's own elements are the build's largest chunk by design.
    viteConfig.build = { ...viteConfig.build, chunkSizeWarningLimit: 5_000 };
    return viteConfig;
  },
};

export default config;
