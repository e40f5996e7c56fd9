#!/usr/bin/env node
// Runs one benchmark section in this process and writes its result as JSON:
//   node section.mjs <bytes|tokens|server|cache|data|validation|render|tabs> <out.json>
import { writeFile } from 'node:fs/promises';

const SECTIONS = ['bytes', 'tokens', 'server', 'cache', 'data', 'validation', 'render', 'tabs'];
const [name, out] = process.argv.slice(2);
if (!SECTIONS.includes(name) || !out) {
  console.error(`usage: section.mjs <${SECTIONS.join('|')}> <out.json>`);
  process.exit(2);
}
const { run } = await import(`./${name}.mjs`);
const result = await run();
await writeFile(out, JSON.stringify(result, null, 2));
// Timers of unmounted components or closed servers must not keep the process alive.
process.exit(0);
