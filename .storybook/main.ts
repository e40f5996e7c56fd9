import type { StorybookConfig } from '@storybook/react-vite';
import remarkGfm from 'remark-gfm';
import { readLiveSettings } from './liveMode.ts';
import { storyBackendPlugin } from './storyBackendPlugin.ts';

/** Workspace packages resolve to their `src/` through this condition (see docs/ARCHITECTURE.md). */
const browserConditions = ['@databrain-embed/source', 'module', 'browser', 'development|production'];
/** The story backend (token endpoint, emulator) runs in the dev server's SSR loader. */
const nodeConditions = ['@databrain-embed/source', 'module', 'node', 'development|production'];

const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: [
    // The docs pages are GitHub-flavoured Markdown: their API tables need remark-gfm.
    {
      name: '@storybook/addon-docs',
      options: { mdxPluginOptions: { mdxCompileOptions: { remarkPlugins: [remarkGfm] } } },
    },
    '@storybook/addon-a11y',
    '@storybook/addon-vitest',
  ],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // Storybook's own "Get started" checklist (sidebar widget and menu page) is about
  // setting up Storybook, not about this project; the Welcome page takes its place.
  features: { sidebarOnboardingChecklist: false, menuOnboardingChecklist: false },
  typescript: {
    // `<Dashboard>` and `<Metric>` come from one factory; only the TypeScript checker sees their
    // props through it, so the docs' ArgTypes tables are read from the types, not from the source text.
    reactDocgen: 'react-docgen-typescript',
    reactDocgenTypescriptOptions: {
      tsconfigPath: './packages/react/tsconfig.json',
      include: ['packages/react/src/**/*.tsx', 'stories/**/*.tsx'],
      shouldExtractLiteralValuesFromEnum: true,
      shouldRemoveUndefinedFromOptional: true,
      // React's own props (`key`, `ref`) and DOM attributes are not this package's API.
      propFilter: (prop) => !prop.parent?.fileName.includes('node_modules'),
    },
  },
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
