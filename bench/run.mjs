#!/usr/bin/env node
// `pnpm bench`: builds the packages, runs every section in its own process
// (one after the other, so they do not compete for the CPU), prints one table
// and writes bench/results.json. Sections: bytes, tokens, server, cache, validation,
// render, tabs; name some to run only those (`pnpm bench bytes server`), and pass
// --no-build to measure the dist/ already there.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensurePrerequisites } from '../scripts/prerequisites.mjs';
import { root } from '../scripts/workspace.mjs';
import { rows, table } from './lib/report.mjs';

const ALL = ['bytes', 'tokens', 'server', 'cache', 'validation', 'render', 'tabs'];
const args = process.argv.slice(2);
const skipBuild = args.includes('--no-build');
const asked = args.filter((arg) => arg !== '--no-build');
const unknown = asked.filter((name) => !ALL.includes(name));
if (unknown.length > 0) {
  console.error(`unknown section(s): ${unknown.join(', ')}; known: ${ALL.join(', ')}`);
  process.exit(2);
}
const sections = asked.length > 0 ? ALL.filter((name) => asked.includes(name)) : ALL;

// Sections that drive Debian's chromium or start redis-server; the rest need neither.
const NEEDS = { cache: ['redis-server'], data: ['redis-server'], render: ['chromium'], tabs: ['chromium'] };
const needs = [...new Set(sections.flatMap((name) => NEEDS[name] ?? []))];
if (needs.length > 0 && !ensurePrerequisites({ needs })) process.exit(1);

if (!skipBuild) {
  console.log('building the packages…');
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) {
    console.error('the build failed, so there is nothing to measure');
    process.exit(build.status ?? 1);
  }
}

const scratch = mkdtempSync(join(tmpdir(), 'databrain-embed-bench-'));
const results = {};
const seconds = {};
let failed = false;
try {
  for (const name of sections) {
    console.log(`running ${name}…`);
    const out = join(scratch, `${name}.json`);
    const started = performance.now();
    const child = spawnSync(process.execPath, [join(root, 'bench', 'lib', 'section.mjs'), name, out], {
      cwd: join(root, 'bench'),
      stdio: 'inherit',
      // Production React (with the profiling react-dom for the render section).
      env: { ...process.env, NODE_ENV: 'production' },
      timeout: 5 * 60_000,
    });
    seconds[name] = (performance.now() - started) / 1000;
    if (child.status !== 0) {
      console.error(`section ${name} failed (${child.signal ?? `exit ${child.status}`})`);
      failed = true;
      continue;
    }
    results[name] = JSON.parse(readFileSync(out, 'utf8'));
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const report = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  sectionSeconds: seconds,
  results,
};
writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nNode ${process.version}, ${report.cpus} CPUs (${report.cpuModel})\n`);
console.log(table(rows(results)));
console.log('\nwritten: bench/results.json (how to read it: bench/README.md)');
process.exit(failed ? 1 : 0);
