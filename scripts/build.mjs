#!/usr/bin/env node
// Builds every package in dependency order (core first) with the shared preset.
// tsdown runs through its API rather than its command line: the command line
// prints a notice about the Node 20 runtime this project supports on purpose
// (engines: node >=20.19), which a new user would read as a broken build.
// Build warnings and errors are still printed (log level `warn`).
import { join } from 'node:path';
import { build } from 'tsdown';
import { PACKAGES, root } from './workspace.mjs';

for (const name of PACKAGES) {
  const cwd = join(root, 'packages', name);
  try {
    await build({ cwd, logLevel: 'warn' });
  } catch (error) {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    console.error(`build failed in packages/${name}`);
    process.exit(1);
  }
  console.log(`built packages/${name}`);
}
