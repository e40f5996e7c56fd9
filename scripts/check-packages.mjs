#!/usr/bin/env node
// publint (strict) and @arethetypeswrong/cli on every built package.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { bin, PACKAGES, root } from './workspace.mjs';

let failed = false;
for (const name of PACKAGES) {
  const cwd = join(root, 'packages', name);
  for (const [command, args] of [
    [bin('publint'), ['--strict']],
    [bin('attw'), ['--pack', '.', '--profile', 'node16', '--format', 'table-flipped']],
  ]) {
    const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
    if (result.status !== 0) {
      console.error(`${command.split('/').pop()} failed for packages/${name}`);
      failed = true;
    }
  }
}
process.exit(failed ? 1 : 0);
