#!/usr/bin/env node
// `pnpm start`: builds the packages, then runs Storybook with every variant
// against the local DataBrain emulator (or the real service when the
// DATABRAIN_API_URL / DATABRAIN_API_KEY / DATABRAIN_DATA_APP variables are set).
// Nothing else needs to be running: the token endpoint and the emulator start
// inside Storybook's dev server.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { root } from './workspace.mjs';

const port = process.env.STORYBOOK_PORT ?? '6006';
const host = process.env.STORYBOOK_HOST ?? '127.0.0.1';

const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

// The dev server logs which DataBrain the stories use (emulator or live).
console.log(`\nStarting Storybook at http://${host}:${port}/; Ctrl-C stops it.\n`);

const require = createRequire(import.meta.url);
const storybookPackage = require.resolve('storybook/package.json', { paths: [root] });
const storybookBin = join(dirname(storybookPackage), require(storybookPackage).bin);
const args = ['dev', '-p', port, '--host', host, ...(process.env.CI ? ['--ci'] : [])];
const storybook = spawn(process.execPath, [storybookBin, ...args], { cwd: root, stdio: 'inherit' });

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => storybook.kill(signal));
}
storybook.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
