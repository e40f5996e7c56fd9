import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The packages whose built files Storybook's Node side runs (the addon's preset and what it imports). */
const NODE_SIDE = ['core', 'server', 'emulator', 'storybook'];

/** The newest modification time of the files under `dir` (tests aside: they are not built), 0 for none. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(path));
    else if (!/\.test(-d)?\.|\.test\.helpers\./.test(entry.name))
      latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

/**
 * Storybook loads `@databrain-embed/storybook` as a user's Storybook does:
 * its preset from `dist/`, which imports the built server, emulator and
 * core. Without a build Storybook only warns and goes on without the addon,
 * and a stale build runs old code; both fail here with what to run.
 *
 * @example
 * ```ts
 * assertAddonBuilt(); // throws "… run `node scripts/build.mjs` …" when dist/ is missing or older than src/
 * ```
 */
export function assertAddonBuilt(): void {
  for (const name of NODE_SIDE) {
    const built = (() => {
      try {
        return newest(join(root, 'packages', name, 'dist'));
      } catch {
        return 0;
      }
    })();
    const source = newest(join(root, 'packages', name, 'src'));
    if (built === 0 || built < source) {
      throw new Error(
        `Storybook runs the addon from the built packages, and packages/${name}/dist is ` +
          `${built === 0 ? 'missing' : 'older than its src/'}. Run \`node scripts/build.mjs\` (or \`pnpm build\`) first.`,
      );
    }
  }
}
