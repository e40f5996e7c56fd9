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
export const ROUNDS = 15;

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
      const mounted = await page.evaluate(
        ([count, t]) => window.renderBench.ours(count, t),
        [ELEMENTS, token],
      );
      const rawMounted = await page.evaluate(
        ([count, t]) => window.renderBench.raw(count, t),
        [ELEMENTS, token],
      );
      if (round > 0) {
        ours.push(mounted);
        raw.push(rawMounted.ms);
      }
    }
    const medianOf = (key) => median(ours.map((mounted) => mounted[key]));
    return {
      elements: ELEMENTS,
      ourMs: medianOf('ms'),
      rawMs: median(raw),
      // Where our time goes: until the provider's session asked for the token
      // (the placeholders rendered and committed, React's effects ran), and
      // until the first element held it (the second render swapped the
      // placeholders for the elements, whose effects set the token).
      ourPhasesMs: { tokenAsked: medianOf('askedMs'), firstElementHeld: medianOf('firstMs') },
      rounds: { ours: ours.map((mounted) => mounted.ms), raw },
    };
  } finally {
    await browser.close();
    server.closeAllConnections();
    await new Promise((done) => server.close(() => done()));
    await rm(outDir, { recursive: true, force: true });
  }
}
