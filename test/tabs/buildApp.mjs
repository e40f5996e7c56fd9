// Vite production build of a fixture app, shared by the tabs test and the
// tabs benchmark. Plain JavaScript so that `pnpm bench` runs it on Node as is.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The multi-tab fixture app: a provider with one dashboard on the emulator's preview element. */
export const TABS_APP_DIR = join(dirname(fileURLToPath(import.meta.url)), 'app');

/**
 * Builds the app in `root` with Vite for production into a fresh temporary
 * folder and returns that folder. `conditions` chooses how the workspace
 * packages resolve: the source condition for tests, the default (`dist/`, as
 * an app installs them) for the benchmark.
 */
export async function buildApp({ root = TABS_APP_DIR, conditions } = {}) {
  const [{ build }, { default: react }] = await Promise.all([import('vite'), import('@vitejs/plugin-react')]);
  const outDir = await mkdtemp(join(tmpdir(), 'databrain-embed-tabs-app-'));
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
      build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 10_000 },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return outDir;
}
