#!/usr/bin/env node
// Builds every package in dependency order (core first) with the shared preset.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
for (const name of ['core', 'server', 'emulator', 'react']) {
  const cwd = join(root, 'packages', name);
  const result = spawnSync(join(root, 'node_modules', '.bin', 'tsdown'), ['--logLevel', 'warn'], {
    cwd,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error(`build failed in packages/${name}`);
    process.exit(result.status ?? 1);
  }
  console.log(`built packages/${name}`);
}
