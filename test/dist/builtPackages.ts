import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const root: string = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Every published entry point, with the built files Node should load for it. */
export const ENTRIES = [
  {
    specifier: '@databrain-embed/core',
    esm: 'packages/core/dist/index.mjs',
    cjs: 'packages/core/dist/index.cjs',
  },
  {
    specifier: '@databrain-embed/core/errors',
    esm: 'packages/core/dist/errors.mjs',
    cjs: 'packages/core/dist/errors.cjs',
  },
  {
    specifier: '@databrain-embed/core/token-endpoint',
    esm: 'packages/core/dist/tokenEndpoint.mjs',
    cjs: 'packages/core/dist/tokenEndpoint.cjs',
  },
  {
    specifier: '@databrain-embed/server',
    esm: 'packages/server/dist/index.mjs',
    cjs: 'packages/server/dist/index.cjs',
  },
  {
    specifier: '@databrain-embed/server/node',
    esm: 'packages/server/dist/node.mjs',
    cjs: 'packages/server/dist/node.cjs',
  },
  {
    specifier: '@databrain-embed/server/redis',
    esm: 'packages/server/dist/redis.mjs',
    cjs: 'packages/server/dist/redis.cjs',
  },
  {
    specifier: '@databrain-embed/emulator',
    esm: 'packages/emulator/dist/index.mjs',
    cjs: 'packages/emulator/dist/index.cjs',
  },
  {
    specifier: '@databrain-embed/emulator/elements',
    esm: 'packages/emulator/dist/elements.mjs',
    cjs: 'packages/emulator/dist/elements.cjs',
  },
  {
    specifier: '@databrain-embed/emulator/handler',
    esm: 'packages/emulator/dist/handler.mjs',
    cjs: 'packages/emulator/dist/handler.cjs',
  },
  {
    specifier: '@databrain-embed/emulator/testing',
    esm: 'packages/emulator/dist/testing.mjs',
    cjs: 'packages/emulator/dist/testing.cjs',
  },
  {
    specifier: '@databrain-embed/react',
    esm: 'packages/react/dist/index.mjs',
    cjs: 'packages/react/dist/index.cjs',
  },
  {
    specifier: '@databrain-embed/react/data',
    esm: 'packages/react/dist/data.mjs',
    cjs: 'packages/react/dist/data.cjs',
  },
  {
    specifier: '@databrain-embed/react/testing',
    esm: 'packages/react/dist/testing.mjs',
    cjs: 'packages/react/dist/testing.cjs',
  },
  {
    specifier: '@databrain-embed/storybook',
    esm: 'packages/storybook/dist/index.mjs',
    cjs: 'packages/storybook/dist/index.cjs',
  },
  {
    // Storybook loads it in Node; the preview and manager entries run only inside Storybook.
    specifier: '@databrain-embed/storybook/preset',
    esm: 'packages/storybook/dist/preset.mjs',
    cjs: 'packages/storybook/dist/preset.cjs',
  },
] as const;

/** Fails with a clear message when the packages have not been built. */
export function assertBuilt(): void {
  const missing = ENTRIES.flatMap(({ esm, cjs }) => [esm, cjs]).filter(
    (file) => !existsSync(join(root, file)),
  );
  if (missing.length > 0) {
    throw new Error(
      `These tests check the built packages, and ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} ` +
        'missing. Run `node scripts/build.mjs` (or `pnpm build`) first.',
    );
  }
}
