import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Package name → absolute path of its packed tarball, as `pnpm pack` made it. */
    tarballs: Record<string, string>;
  }
}

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');
const PACKAGES = ['core', 'server', 'emulator', 'react', 'storybook'] as const;

/**
 * Packs every package once, as a release would (`pnpm pack` turns
 * `workspace:` ranges into versions and applies `files`), so the examples
 * install what users get. Builds first when a package has no dist/.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (PACKAGES.some((name) => !existsSync(join(root, 'packages', name, 'dist')))) {
    await run(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root });
  }
  const folder = await mkdtemp(join(tmpdir(), 'databrain-embed-tarballs-'));
  const pnpm = join(root, 'node_modules/.bin/pnpm');
  for (const name of PACKAGES) {
    await run(pnpm, ['pack', '--pack-destination', folder], { cwd: join(root, 'packages', name) });
  }
  const files = await readdir(folder);
  const tarballs: Record<string, string> = {};
  for (const name of PACKAGES) {
    const file = files.find((entry) => entry.startsWith(`databrain-embed-${name}-`));
    if (file === undefined) throw new Error(`pnpm pack made no tarball for @databrain-embed/${name}`);
    tarballs[`@databrain-embed/${name}`] = join(folder, file);
  }
  project.provide('tarballs', tarballs);
  return async () => {
    await rm(folder, { recursive: true, force: true });
  };
}
