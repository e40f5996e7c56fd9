#!/usr/bin/env node
import { runCli } from './runCli.ts';

// No top-level await: the CommonJS build of this file must load too.
void runCli(process.argv.slice(2)).then(async (result) => {
  process.exitCode = result.emulator ? await result.stopped : result.exitCode;
});
