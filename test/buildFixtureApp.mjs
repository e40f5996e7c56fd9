// A Vite production build of a fixture app, as an app's own build makes it:
// shared by the built-app, tabs and plugin-styles tests and the tabs
// benchmark. Plain JavaScript so that `pnpm bench` runs it on Node as is.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Builds the app in `root` for production into a fresh temporary folder and
 * returns that folder (with `.vite/manifest.json`). `conditions` chooses how
 * the workspace packages resolve: the source condition for tests of the
 * source, the default (`dist/`, as an app installs them) otherwise.
 */
export async function buildFixtureApp({ root, conditions }) {
  const [{ build }, { default: react }] = await Promise.all([import('vite'), import('@vitejs/plugin-react')]);
  const outDir = await mkdtemp(join(tmpdir(), 'databrain-embed-app-'));
  // A test runner sets NODE_ENV=test, which would select React's development
  // build; an app's production build runs with NODE_ENV=production.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root,
      configFile: false,
      logLevel: 'silent',
      mode: 'production',
      plugins: [react()],
      ...(conditions ? { resolve: { conditions } } : {}),
      // DataBrain's plugin is one 4.6 MB lazy chunk.
      build: { outDir, emptyOutDir: true, manifest: true, chunkSizeWarningLimit: 10_000 },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return outDir;
}
