// Tabs of one browser profile in Debian's Chromium: T = 1, 5 and 20 pages of
// one Playwright context open a Vite production build of an app (provider +
// dashboard on the emulator's preview element, built from dist/) over K token
// lifetimes in real time, against the real token handler and the emulator.
// The app, the server and the measurement are the tabs test's own modules.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { root } from '../../scripts/workspace.mjs';
import { buildFixtureApp } from '../../test/buildFixtureApp.mjs';
import { defaultRefreshMarginMs, measureTabs } from '../../test/tabs/measureTabs.mjs';
import { serveApp } from '../../test/tabs/serveApp.mjs';

export const LIFETIME_MS = 6000;
export const LIFETIMES = 3;
export const COUNTS = [1, 5, 20];

// Debian's Chromium, never a downloaded browser; the flags keep it quiet on a closed network.
const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  headless: true,
};

export async function run() {
  const { chromium } = await import('playwright-core');
  const outDir = await buildFixtureApp({ root: join(root, 'test', 'tabs', 'app') });
  const app = await serveApp({ dir: outDir, tokenLifetimeMs: LIFETIME_MS });
  const browser = await chromium.launch(CHROMIUM);
  const runs = [];
  try {
    for (const tabs of COUNTS) {
      runs.push(await measureTabs({ browser, app, tabs, lifetimes: LIFETIMES, lifetimeMs: LIFETIME_MS }));
    }
  } finally {
    await browser.close();
    await app.close();
    await rm(outDir, { recursive: true, force: true });
  }
  return runs.map((result) => ({ ...result, refreshMarginMs: defaultRefreshMarginMs(LIFETIME_MS) }));
}
