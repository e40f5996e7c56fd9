import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  EMULATOR_API_KEY,
  EMULATOR_DATA_APP,
  type RunningEmulator,
  startEmulator,
} from '@databrain-embed/emulator';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  expectCancelledWhenPageCloses,
  expectRealElementsOnAnUntouchedPage,
  expectRefreshedInPlace,
  expectSwitchedTo,
  expectTenantShown,
  stopQuietly,
} from './expectDashboard.ts';
import { installExample, runCommand, userEnvironment } from './installExample.ts';
import { type RunningApp, startApp } from './startApp.ts';
import { launchChromium, openApp } from './watchPage.ts';

const READY = /Analytics example on (http:\/\/127\.0\.0\.1:\d+)/;
const DATA_PATH = '/api/databrain/data';

/** The header's KPI, computed in the page from the signed-in tenant's rows (`useMetricData`). */
async function expectKpi(page: Page, value: string): Promise<void> {
  await expect
    .poll(
      () =>
        page
          .getByTestId('kpi-value')
          .textContent({ timeout: 1_000 })
          .catch(() => null),
      {
        timeout: 20_000,
      },
    )
    .toBe(value);
}

let folder: string;
let emulator: RunningEmulator;
let browser: Browser;

beforeAll(async () => {
  folder = await installExample('vite-express', inject('tarballs'));
  await runCommand(folder, 'npx', ['tsc', '-p', '.']);
  await runCommand(folder, 'npx', ['vite', 'build']);
  emulator = await startEmulator({ port: 0 });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await emulator?.close();
  if (folder) await rm(dirname(folder), { recursive: true, force: true });
});

function startServer(env: Record<string, string>): Promise<RunningApp> {
  return startApp(folder, process.execPath, ['server.js'], userEnvironment({ PORT: '0', ...env }), READY);
}

describe('examples/vite-express, installed from the packed packages', () => {
  it("shows the signed-in tenant's claims, rows and header KPI, follows a tenant switch and refreshes its token in place", async () => {
    const app = await startServer({ DATABRAIN_EMULATOR_URL: emulator.url, TOKEN_LIFETIME_SECONDS: '6' });
    try {
      const { page, context, problems } = await openApp(browser, app.url, 'acme');
      // What the page asks the metric-data endpoint: the metric only, never a tenant.
      const dataRequests: unknown[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).pathname === DATA_PATH) dataRequests.push(request.postDataJSON());
      });
      await page.goto(app.url);
      const first = await expectTenantShown(page, emulator, 'acme');
      await expectKpi(page, '5,530');

      // A 6 s token is replaced before it expires, on the same element.
      await expectRefreshedInPlace(page, emulator, first);

      await expectSwitchedTo(page, emulator, 'globex');
      await expectKpi(page, '5,160');

      expect(dataRequests.length).toBeGreaterThan(0);
      for (const body of dataRequests) expect(body).toEqual({ metricId: 'total-revenue' });
      expect(problems).toEqual([]);
      await context.close();
    } finally {
      await stopQuietly(app);
    }
  });

  it('stays quiet when the page closes while a slow token request is in flight, and cancels the DataBrain call', async () => {
    const app = await startServer({ DATABRAIN_EMULATOR_URL: emulator.url });
    try {
      const { page } = await openApp(browser, app.url, 'acme');
      await page.goto(app.url);
      await expectCancelledWhenPageCloses(page, emulator, () =>
        page.getByRole('button', { name: 'globex' }).click(),
      );
    } finally {
      await stopQuietly(app);
    }
  });

  it("renders DataBrain's real elements with the minted token when DataBrain is configured", async () => {
    const app = await startServer({
      DATABRAIN_API_URL: emulator.url,
      DATABRAIN_API_KEY: EMULATOR_API_KEY,
      DATABRAIN_DATA_APP: EMULATOR_DATA_APP,
    });
    const withoutPlugin = await startServer({ DATABRAIN_EMULATOR_URL: emulator.url });
    try {
      const { page, context, blocked } = await openApp(browser, app.url, 'acme');
      await page.goto(app.url);
      await expectRealElementsOnAnUntouchedPage(browser, page, blocked, {
        emulator,
        tenant: 'acme',
        plainUrl: withoutPlugin.url,
      });
      // The headless KPI asks the same DataBrain for the same tenant.
      await expectKpi(page, '5,530');
      await context.close();
    } finally {
      await app.stop();
      await withoutPlugin.stop();
    }
  });
});
