import type { StorybookConfig } from '@storybook/react-vite';
import remarkGfm from 'remark-gfm';

/** Workspace packages resolve to their `src/` through this condition (see docs/ARCHITECTURE.md). */
const browserConditions = ['@databrain-embed/source', 'module', 'browser', 'development|production'];

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
    // Tokens, personas, the emulator and the DataBrain panel, from .storybook/databrain.ts.
    '@databrain-embed/storybook',
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
      tsconfigPath: './.storybook/tsconfig.docgen.json',
      include: ['packages/react/src/**/*.tsx', 'stories/**/*.tsx'],
      // Story files define the small demo components whose props the Controls describe.
      exclude: [],
      shouldExtractLiteralValuesFromEnum: true,
      shouldRemoveUndefinedFromOptional: true,
      // React's own props (`key`, `ref`) and DOM attributes are not this package's API.
      propFilter: (prop) => !prop.parent?.fileName.includes('node_modules'),
    },
  },
  viteFinal(viteConfig) {
    const build = viteConfig.build ?? {};
    const rolldownOptions = build.rolldownOptions ?? {};
    const passLog = rolldownOptions.onLog;
    viteConfig.build = {
      ...build,
      // A docs site, not the package: the largest chunk is DataBrain's own plugin (4.6 MB),
      // loaded only in live mode; axe and Storybook's blocks come next. Sizes of what users
      // install are guarded by size-limit instead.
      chunkSizeWarningLimit: 5_000,
      rolldownOptions: {
        ...rolldownOptions,
        // The react package's `"use client"` marks it for React Server Components; inside
        // Storybook's bundle it has no meaning, and its notice would hide real warnings.
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('"use client"')) return;
          if (passLog) passLog(level, log, handler);
          else handler(level, log);
        },
      },
    };
    viteConfig.resolve = { ...viteConfig.resolve, conditions: browserConditions };
    return viteConfig;
  },
};

export default config;
