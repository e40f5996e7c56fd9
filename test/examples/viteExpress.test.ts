import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  EMULATOR_API_KEY,
  EMULATOR_DATA_APP,
  type RunningEmulator,
  startEmulator,
} from '@databrain-embed/emulator';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import storybookConfig from '../../examples/vite-express/.storybook/databrain.ts';
import { type StaticSite, serveStatic } from '../storybook/serveStatic.ts';
import {
  expectCancelledWhenPageCloses,
  expectRealElementsOnAnUntouchedPage,
  expectRefreshedInPlace,
  expectSwitchedTo,
  expectTenantShown,
  stopQuietly,
} from './expectDashboard.ts';
import { installExample, runCommand, userEnvironment } from './installExample.ts';
import { freePort, type RunningApp, startApp } from './startApp.ts';
import { filesContaining, plainText, runAllowingFailure } from './storybookBuild.ts';
import {
  expectEveryStoryForEveryPersona,
  expectToolbarSwitchInPlace,
  type StoryPersonas,
  storyIds,
} from './storybookPages.ts';
import { launchChromium, openApp, troubleIn } from './watchPage.ts';

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

/** The example's stories (`src/Analytics.stories.tsx`) and the persona each pins, `null` for the toolbar's. */
const STORIES: StoryPersonas = {
  'analytics-page--signed-in': null,
  'analytics-page--acme-viewer': 'acme-viewer',
  'analytics-page--globex-editor': 'globex-editor',
};

describe("examples/vite-express's Storybook, built and served as plain files with nothing else running", () => {
  let site: StaticSite;
  let staticDir: string;
  let buildOutput: string;

  beforeAll(async () => {
    staticDir = join(folder, 'storybook-static');
    const { stdout, stderr } = await runCommand(folder, 'npm', [
      'run',
      'build-storybook',
      '--',
      '-o',
      staticDir,
    ]);
    buildOutput = plainText(`${stdout}\n${stderr}`);
    site = await serveStatic(staticDir);
  });

  it('builds with no warning a team cannot act on: no "use client" notice, no chunk-size warning', () => {
    expect(buildOutput).toMatch(/Storybook build completed successfully|Output directory/i);
    expect(buildOutput).not.toMatch(/"use client"/);
    expect(buildOutput).not.toMatch(/chunks are larger than/i);
  });

  afterAll(async () => {
    await site?.close();
  });

  it('holds exactly the Analytics page stories', async () => {
    expect(await storyIds(site.url)).toEqual(Object.keys(STORIES).sort());
  });

  it("shows every story its persona's tenant rows from the example's own sample rows, offline, for every persona", async () => {
    const before = site.requests.length;
    const { context, problems, blocked } = await expectEveryStoryForEveryPersona(
      browser,
      site.url,
      storybookConfig,
      STORIES,
    );
    expect(problems).toEqual([]);
    expect(blocked).toEqual([]);
    // The file server only ever served files: no token request and no preview route reached it.
    const served = site.requests.slice(before);
    expect(served.filter((request) => !request.startsWith('GET '))).toEqual([]);
    expect(served.filter((request) => /\/api\/|databrain-emulator/.test(request))).toEqual([]);
    await context.close();
  });

  it('switches every story that follows the Persona toolbar to the new tenant without a reload', async () => {
    const { context, problems, blocked } = await expectToolbarSwitchInPlace(
      browser,
      site.url,
      storybookConfig,
      STORIES,
    );
    expect(problems).toEqual([]);
    expect(blocked).toEqual([]);
    await context.close();
  });

  it('refuses to build while DATABRAIN_API_KEY is set, saying how a static Storybook goes live, and writes the key nowhere', async () => {
    const key = `dbn-example-storybook-key-${Date.now()}`;
    const out = join(folder, 'storybook-with-key');
    const { code, output } = await runAllowingFailure(
      folder,
      'npm',
      ['run', 'build-storybook', '--', '--quiet', '-o', out],
      userEnvironment({
        DATABRAIN_API_URL: 'https://api.usedatabrain.com',
        DATABRAIN_API_KEY: key,
        DATABRAIN_DATA_APP: 'vite-express-analytics',
      }),
    );
    const text = plainText(output);
    expect(code).not.toBe(0);
    expect(text).toContain('a static Storybook cannot hold an API key');
    expect(text).toContain('A static Storybook can only go live through your own token endpoint');
    expect(text).toContain("the option tokenEndpoint: '<the https URL of your endpoint>'");
    expect(text).not.toContain(key);
    expect(filesContaining(out, key)).toEqual([]);
    expect(filesContaining(staticDir, key)).toEqual([]);
  });
});

describe("examples/vite-express's Storybook under storybook dev", () => {
  let storybook: RunningApp;

  beforeAll(async () => {
    const port = String(await freePort());
    storybook = await startApp(
      folder,
      'npx',
      ['storybook', 'dev', '--ci', '--host', '127.0.0.1', '-p', port],
      userEnvironment(),
      /Local:\s+(http:\/\/127\.0\.0\.1:\d+)/,
    );
  });

  afterAll(async () => {
    await storybook?.stop();
  });

  it("shows every story its persona's tenant rows for every persona, and follows the Persona toolbar in place", async () => {
    expect(await storyIds(storybook.url)).toEqual(Object.keys(STORIES).sort());
    const stories = await expectEveryStoryForEveryPersona(browser, storybook.url, storybookConfig, STORIES);
    expect(stories.problems).toEqual([]);
    expect(stories.blocked).toEqual([]);
    await stories.context.close();

    const switched = await expectToolbarSwitchInPlace(browser, storybook.url, storybookConfig, STORIES);
    expect(switched.problems).toEqual([]);
    expect(switched.blocked).toEqual([]);
    await switched.context.close();

    await storybook.stop();
    expect(troubleIn(storybook.output().stdout)).toEqual([]);
    expect(storybook.output().stderr).toBe('');
  });
});
