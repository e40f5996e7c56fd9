import type { StorybookConfig } from '@storybook/react-vite';
import { readLiveSettings } from './liveMode.ts';
import { storyBackendPlugin } from './storyBackendPlugin.ts';

/** Workspace packages resolve to their `src/` through this condition (see docs/ARCHITECTURE.md). */
const browserConditions = ['@databrain-embed/source', 'module', 'browser', 'development|production'];
/** The story backend (token endpoint, emulator) runs in the dev server's SSR loader. */
const nodeConditions = ['@databrain-embed/source', 'module', 'node', 'development|production'];

const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-vitest'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal(viteConfig) {
    // DataBrain's own elements are imported only in live mode. Pre-bundle them then (the bundle reads
    // process.env, which the pre-bundling defines); otherwise keep the dev server from discovering them
    // mid-run and reloading the page.
    const live = readLiveSettings() !== undefined;
    viteConfig.optimizeDeps = {
      ...viteConfig.optimizeDeps,
      ...(live
        ? { include: [...(viteConfig.optimizeDeps?.include ?? []), '@databrainhq/plugin/web'] }
        : { exclude: [...(viteConfig.optimizeDeps?.exclude ?? []), '@databrainhq/plugin'] }),
    };
    viteConfig.plugins = [...(viteConfig.plugins ?? []), storyBackendPlugin()];
    viteConfig.resolve = { ...viteConfig.resolve, conditions: browserConditions };
    viteConfig.ssr = {
      ...viteConfig.ssr,
      resolve: { ...viteConfig.ssr?.resolve, conditions: nodeConditions, externalConditions: nodeConditions },
    };
    return viteConfig;
  },
};

export default config;
