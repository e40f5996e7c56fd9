#!/usr/bin/env node
// Builds every package in dependency order (core first) with the shared preset.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { bin, PACKAGES, root } from './workspace.mjs';

for (const name of PACKAGES) {
  const cwd = join(root, 'packages', name);
  const result = spawnSync(bin('tsdown'), ['--logLevel', 'warn'], { cwd, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`build failed in packages/${name}`);
    process.exit(result.status ?? 1);
  }
  console.log(`built packages/${name}`);
}
