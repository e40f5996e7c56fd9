#!/usr/bin/env node
// The whole check, in order, with the time each stage took. The last line is
// always `N passed, N failed` (from Vitest's JSON report), so a run that tested
// nothing is visible.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrerequisites } from './prerequisites.mjs';
import { bin, root } from './workspace.mjs';

const reportDir = join(root, '.vitest-reports');
const report = join(reportDir, 'results.json');

const stages = [
  ['typecheck', bin('tsc'), ['-b']],
  ['lint', bin('biome'), ['check', '.']],
  ['build', 'node', [join(root, 'scripts', 'build.mjs')]],
  ['package checks (publint, attw)', 'node', [join(root, 'scripts', 'check-packages.mjs')]],
  ['size budgets', bin('size-limit'), []],
  ['storybook build', bin('storybook'), ['build', '--quiet', '-o', 'storybook-static']],
  ['tests', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]],
];

rmSync(reportDir, { recursive: true, force: true });
mkdirSync(reportDir, { recursive: true });

// Debian's chromium and redis-server: installed here where the machine allows it,
// otherwise the run stops now, with how to bring them, instead of failing in the
// browser and Redis tests minutes later.
if (!ensurePrerequisites()) {
  writeFileSync(join(reportDir, 'summary.txt'), '0 passed, 1 failed\n');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const timings = [];
let failedStage;
for (const [name, command, args] of stages) {
  console.log(`\n=== ${name} ===`);
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  const seconds = (performance.now() - started) / 1000;
  const ok = result.status === 0;
  timings.push([name, seconds, ok]);
  if (!ok) {
    failedStage = name;
    break;
  }
}

console.log('\n=== stage times ===');
for (const [name, seconds, ok] of timings) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name.padEnd(32)} ${seconds.toFixed(1).padStart(7)} s`);
}

let passed = 0;
let failed = 0;
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests ?? 0;
  failed = json.numFailedTests ?? 0;
  // A file that failed to load has no test results but must count as a failure.
  failed += (json.testResults ?? []).filter(
    (file) => file.status === 'failed' && file.assertionResults.length === 0,
  ).length;
}
if (failedStage && failed === 0) failed = 1;
if (failedStage) console.log(`\nStage failed: ${failedStage}`);
const summary = `${passed} passed, ${failed} failed`;
writeFileSync(join(reportDir, 'summary.txt'), `${summary}\n`);
console.log(summary);
process.exit(failedStage || failed > 0 ? 1 : 0);
