import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  EMULATOR_API_KEY,
  EMULATOR_DATA_APP,
  type RunningEmulator,
  startEmulator,
} from '@databrain-embed/emulator';
import type { Browser } from 'playwright-core';
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
import { freePort, type RunningApp, startApp } from './startApp.ts';
import { launchChromium, openApp } from './watchPage.ts';

const READY = /- Local:\s+(http:\/\/127\.0\.0\.1:\d+)[\s\S]*Ready in/;

let folder: string;
let emulator: RunningEmulator;
let browser: Browser;

beforeAll(async () => {
  folder = await installExample('next-app-router', inject('tarballs'));
  // No DataBrain variable in the build environment (userEnvironment drops them all).
  await runCommand(folder, 'npx', ['next', 'build']);
  emulator = await startEmulator({ port: 0 });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await emulator?.close();
  if (folder) await rm(dirname(folder), { recursive: true, force: true });
});

async function startServer(env: Record<string, string>): Promise<RunningApp> {
  const port = String(await freePort());
  return startApp(
    folder,
    'npx',
    ['next', 'start', '-p', port, '-H', '127.0.0.1'],
    userEnvironment(env),
    READY,
  );
}

describe('examples/next-app-router, installed from the packed packages', () => {
  it("renders the embed's sized placeholder on the server, with the first token already in the page", async () => {
    const app = await startServer({ DATABRAIN_EMULATOR_URL: emulator.url });
    try {
      const html = await (await fetch(app.url, { headers: { cookie: 'demo-tenant=acme' } })).text();
      expect(html).toMatch(/data-databrain-embed="dashboard"><div role="status"[^>]*min-height:480px/);
      const tokens = [...html.matchAll(/\\"token\\":\\"([^\\"]+)\\"/g)].map((match) => match[1] ?? '');
      expect(tokens.length).toBeGreaterThan(0);
      expect(emulator.getTokenClaims(tokens[0] ?? '')?.clientId).toBe('acme');
      const signedOut = await (await fetch(app.url)).text();
      expect(signedOut).toContain('Pick a tenant to sign in.');
      expect(signedOut).not.toContain('data-databrain-embed');
    } finally {
      await stopQuietly(app);
    }
  });

  it('shows the first dashboard with no token request, asks the route first at refresh time, and follows a tenant switch', async () => {
    const app = await startServer({ DATABRAIN_EMULATOR_URL: emulator.url, TOKEN_LIFETIME_SECONDS: '6' });
    try {
      const { page, context, problems, tokenRequests } = await openApp(browser, app.url, 'acme');
      await page.goto(app.url);
      const first = await expectTenantShown(page, emulator, 'acme');
      expect(tokenRequests).toEqual([]);

      // The server-rendered 6 s token is replaced through the route, on the same element.
      await expectRefreshedInPlace(page, emulator, first);
      expect(tokenRequests.length).toBeGreaterThan(0);

      await expectSwitchedTo(page, emulator, 'globex');

      expect(problems).toEqual([]);
      await context.close();
    } finally {
      await stopQuietly(app);
    }
  });

  it('stays quiet when the page closes while a slow token request is in flight, and cancels the DataBrain call', async () => {
    const app = await startServer({ DATABRAIN_EMULATOR_URL: emulator.url, TOKEN_LIFETIME_SECONDS: '6' });
    try {
      const { page } = await openApp(browser, app.url, 'acme');
      await page.goto(app.url);
      await // The first refresh of a 6 s token asks the route.
      await expectCancelledWhenPageCloses(page, emulator, async () => {});
    } finally {
      await stopQuietly(app);
    }
  });

  it("renders DataBrain's real elements with the server-minted token when DataBrain is configured", async () => {
    const app = await startServer({
      DATABRAIN_API_URL: emulator.url,
      DATABRAIN_API_KEY: EMULATOR_API_KEY,
      DATABRAIN_DATA_APP: EMULATOR_DATA_APP,
    });
    const withoutPlugin = await startServer({ DATABRAIN_EMULATOR_URL: emulator.url });
    try {
      const { page, context, tokenRequests, blocked } = await openApp(browser, app.url, 'acme');
      await page.goto(app.url);
      await expectRealElementsOnAnUntouchedPage(browser, page, blocked, {
        emulator,
        tenant: 'acme',
        plainUrl: withoutPlugin.url,
      });
      expect(tokenRequests).toEqual([]);
      await context.close();
    } finally {
      await app.stop();
      await withoutPlugin.stop();
    }
  });
});
