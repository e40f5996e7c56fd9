import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureApp } from '../buildFixtureApp.mjs';
import { chromiumArgs, chromiumPath } from '../chromium.ts';
import { type MeasureTabsOptions, measureTabs, type TabsMeasurement } from './measureTabs.mjs';
import { type ServedApp, serveApp } from './serveApp.mjs';

// Short tokens keep three lifetimes under 20 s of real time.
const LIFETIME_MS = 6_000;
// The app is built from the packages' sources, as the other Chromium tests use them.
const SOURCE_CONDITIONS = ['@databrain-embed/source', 'module', 'browser', 'development|production'];

let outDir = '';
let browser: Browser;

beforeAll(async () => {
  outDir = await buildFixtureApp({ root: join(import.meta.dirname, 'app'), conditions: SOURCE_CONDITIONS });
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

/** Serves the app for one test: its own token endpoint counts only that test's requests. */
async function withApp<T>(use: (app: ServedApp) => Promise<T>): Promise<T> {
  const app = await serveApp({ dir: outDir, tokenLifetimeMs: LIFETIME_MS });
  try {
    return await use(app);
  } finally {
    await app.close();
  }
}

function measure(
  app: ServedApp,
  options: Pick<MeasureTabsOptions, 'tabs' | 'plan'>,
): Promise<TabsMeasurement> {
  return measureTabs({ browser, app, lifetimes: 3, lifetimeMs: LIFETIME_MS, ...options });
}

/** What every multi-tab run must show: one tab's requests, never an invalid token, the same element. */
function expectShared(run: TabsMeasurement): void {
  const figures = JSON.stringify(run);
  expect(run.tabsWithoutToken, figures).toBe(0);
  expect(run.requests, figures).toBeLessThanOrEqual(run.idealRequests);
  expect(run.distinctTokens, figures).toBeLessThanOrEqual(run.idealRequests);
  expect(run.worstInvalidMs, figures).toBe(0);
  expect(run.recreated, figures).toBe(0);
  expect(run.tabsWithOtherElement, figures).toBe(0);
}

async function tokenOf(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    const token = (document.querySelector('dbn-dashboard') as (HTMLElement & { token?: unknown }) | null)
      ?.token;
    return typeof token === 'string' ? token : undefined;
  });
}

/** Polls the page's element until it holds a token the emulator says is still valid. */
async function validToken(app: ServedApp, page: Page, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last: string | undefined;
  while (Date.now() < deadline) {
    last = await tokenOf(page);
    const expiresAt = last === undefined ? undefined : app.expiryOf(last);
    if (last !== undefined && expiresAt !== undefined && (expiresAt === null || expiresAt > Date.now()))
      return last;
    await sleep(25);
  }
  throw new Error(`no valid token within ${timeoutMs} ms (last held: ${last ?? 'none'})`);
}

// One test at a time: the timings they check are real, and two cores are shared.
describe('tabs of one browser profile against the real token handler and the emulator', () => {
  it('five tabs over three lifetimes ask no more than one tab alone, always hold a valid token and keep their element', async () => {
    const run = await withApp((app) => measure(app, { tabs: 5 }));
    // One tab alone: a token at once, then one per lifetime minus the default margin (a fifth).
    expect(run.idealRequests).toBe(4);
    expectShared(run);
  }, 90_000);

  it('tabs opened while another holds a valid token take it instead of asking, and closing the first stalls none', async () => {
    const run = await withApp((app) =>
      measure(app, {
        tabs: 5,
        plan: [
          // Closed after its token's first refresh was due and before the second: the others carry on.
          { openAtMs: 0, closeAtMs: 8_000 },
          { openAtMs: 0 },
          { openAtMs: 1_500 },
          { openAtMs: 3_000 },
          { openAtMs: 7_000 },
        ],
      }),
    );
    expectShared(run);
  }, 90_000);

  it('shows a valid token right after a tab wakes from sleeping past its token’s expiry', async () => {
    await withApp(async (app) => {
      // A context of its own: a sleeping laptop also stops other tabs from waking this one.
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        // The page's clock, not CDP freezing: headless Chromium keeps running frozen pages' timers.
        await page.clock.install();
        await page.goto(app.pageUrl);
        const first = await validToken(app, page, 20_000);
        const expiresAt = app.expiryOf(first);
        if (typeof expiresAt !== 'number') throw new Error('the emulator gave the first token no expiry');

        // Sleep: the page's time stands still, so none of its timers fire, while real time passes the expiry.
        // The installed clock started at real time; pause a moment ahead (pausing cannot go back).
        await page.clock.pauseAt(Date.now() + 200);
        await sleep(expiresAt - Date.now() + 500);
        expect(await tokenOf(page), 'the sleeping tab refreshed nothing').toBe(first);
        expect(app.expiryOf(first)).toBeLessThan(Date.now());

        // Wake: the page's time jumps to real time (each due timer fires once), then runs on.
        await page.clock.fastForward(Date.now() - (await page.evaluate(() => Date.now())));
        await page.clock.resume();
        const next = await validToken(app, page, 3_000);
        expect(next).not.toBe(first);
      } finally {
        await context.close();
      }
    });
  }, 60_000);
});
