// React's cost of N embeds in Debian's Chromium: a Vite production build of
// bench/renderApp (built from dist/, as an app builds it) mounts N
// <Dashboard>s under one provider, and N raw `dbn-dashboard` elements given
// the same token, alternately in fresh roots of one page. Each figure is the
// median of the measured rounds, after a warm-up round of each.
import { rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { root } from '../../scripts/workspace.mjs';
import { buildFixtureApp } from '../../test/buildFixtureApp.mjs';
import { serveFile } from '../../test/serveFile.mjs';
import { median } from './median.mjs';

export const ELEMENTS = 100;
export const ROUNDS = 9;

// Debian's Chromium, never a downloaded browser; the flags keep it quiet on a closed network.
const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  headless: true,
};

export async function runInChromium() {
  const { chromium } = await import('playwright-core');
  const outDir = await buildFixtureApp({ root: join(root, 'bench', 'renderApp') });
  const server = createServer((request, response) => {
    serveFile(outDir, request, response).catch(() => response.writeHead(500).end());
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const browser = await chromium.launch(CHROMIUM);
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => 'renderBench' in window);
    const ours = [];
    const raw = [];
    // Round 0 is the warm-up: it defines the elements and lets the JIT compile both paths.
    for (let round = 0; round <= ROUNDS; round += 1) {
      const token = `token-${round}`;
      const oursMs = await page.evaluate(
        ([count, t]) => window.renderBench.ours(count, t),
        [ELEMENTS, token],
      );
      const rawMs = await page.evaluate(([count, t]) => window.renderBench.raw(count, t), [ELEMENTS, token]);
      if (round > 0) {
        ours.push(oursMs);
        raw.push(rawMs);
      }
    }
    return { elements: ELEMENTS, ourMs: median(ours), rawMs: median(raw), rounds: { ours, raw } };
  } finally {
    await browser.close();
    server.closeAllConnections();
    await new Promise((done) => server.close(() => done()));
    await rm(outDir, { recursive: true, force: true });
  }
}
