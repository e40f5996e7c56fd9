import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { chromium } from './test/chromium.ts';

const browserConditions = ['@databrain-embed/source', 'module', 'browser', 'development|production'];
const nodeConditions = ['@databrain-embed/source', 'module', 'node', 'development|production'];
const resolve = { conditions: browserConditions };
const ssr = { resolve: { conditions: nodeConditions, externalConditions: nodeConditions } };

const reactUnit = ['packages/react/src/**/*.test.tsx'];
// A fresh object per project: Vitest names each instance after its project.
const inChromium = () => ({
  enabled: true,
  headless: true,
  provider: chromium,
  instances: [{ browser: 'chromium' as const }],
});
const reactUnitExclude = ['**/*.browser.test.tsx', '**/*.server.test.tsx'];

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { conditions: nodeConditions },
        ssr,
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'packages/{core,server,emulator,storybook}/src/**/*.test.ts',
            // The react package's framework-free parts: the token session and the public API list.
            'packages/react/src/session/**/*.test.ts',
            'packages/react/src/exports.test.ts',
            'test/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
          exclude: [
            '**/node_modules/**',
            'test/dist/**',
            'test/tabs/**',
            'test/plugin-styles/**',
            'test/examples/**',
            'test/testing-kit/**',
          ],
          typecheck: {
            enabled: true,
            checker: 'tsc',
            include: ['packages/*/src/**/*.test-d.ts', 'test/**/*.test-d.ts'],
            tsconfig: './tsconfig.typecheck.json',
          },
        },
      },
      {
        plugins: [react()],
        resolve,
        ssr,
        test: {
          name: 'react19',
          environment: 'jsdom',
          include: reactUnit,
          exclude: reactUnitExclude,
          // The metric-data endpoint (emulator and real handler) useMetricData's tests ask.
          globalSetup: ['test/data/globalSetup.ts'],
        },
      },
      {
        plugins: [react()],
        root: './test/react18',
        resolve: { ...resolve, dedupe: ['react', 'react-dom', 'swr', '@testing-library/react'] },
        ssr,
        test: {
          name: 'react18',
          environment: 'jsdom',
          include: reactUnit.map((p) => `../../${p}`),
          exclude: reactUnitExclude.map((p) => `../../packages/react/src/${p}`),
          globalSetup: ['../../test/data/globalSetup.ts'],
        },
      },
      {
        plugins: [react()],
        resolve: { conditions: nodeConditions },
        ssr,
        test: {
          name: 'ssr19',
          environment: 'node',
          include: ['packages/react/src/**/*.server.test.tsx'],
        },
      },
      {
        plugins: [react()],
        root: './test/react18',
        resolve: { conditions: nodeConditions, dedupe: ['react', 'react-dom', 'swr'] },
        ssr,
        test: {
          name: 'ssr18',
          environment: 'node',
          include: ['../../packages/react/src/**/*.server.test.tsx'],
        },
      },
      {
        // The examples as users get them: packed packages installed with npm into a
        // copy outside the workspace, built, served and driven in Chromium.
        test: {
          name: 'examples',
          environment: 'node',
          include: ['test/examples/**/*.test.ts'],
          globalSetup: ['test/examples/globalSetup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        // The real DataBrain plugin on a host page with its own styles, in Debian's Chromium
        // through playwright-core: what mounting a dashboard changes on the page.
        test: {
          name: 'plugin-styles',
          environment: 'node',
          include: ['test/plugin-styles/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        // Tests written as a user of the testing kits writes them: the emulator
        // from a globalSetup, components with recording elements (jsdom files say so).
        plugins: [react()],
        resolve: { conditions: nodeConditions },
        ssr,
        test: {
          name: 'testing-kit',
          environment: 'node',
          include: ['test/testing-kit/**/*.test.{ts,tsx}'],
          globalSetup: ['test/testing-kit/emulator.globalSetup.ts'],
        },
      },
      {
        // The built packages as a consumer gets them: dist/ through the normal
        // import/require conditions, never the source condition.
        test: {
          name: 'dist',
          environment: 'node',
          include: ['test/dist/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Several tabs (pages of one browser context) of a Vite-built app in Debian's Chromium,
        // driven through playwright-core, against the real token handler and the emulator.
        resolve: { conditions: nodeConditions },
        ssr,
        test: {
          name: 'tabs',
          environment: 'node',
          include: ['test/tabs/**/*.test.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
      {
        // React in real Chromium against the emulator and the real token handler (see globalSetup).
        plugins: [react()],
        resolve,
        ssr,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.browser.test.tsx'],
          globalSetup: ['test/browser/globalSetup.ts'],
          testTimeout: 60_000,
          browser: inChromium(),
        },
      },
      {
        // Every story in Chromium; the token endpoint and emulator come from the
        // @databrain-embed/storybook addon, run from its build as a user's Storybook runs it.
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          globalSetup: ['test/storybook/globalSetup.ts'],
          testTimeout: 60_000,
          browser: inChromium(),
        },
      },
    ],
  },
});
