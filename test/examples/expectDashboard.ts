import type { RunningEmulator } from '@databrain-embed/emulator';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { RunningApp } from './startApp.ts';
import {
  type DashboardView,
  fontHostRequests,
  openApp,
  readDashboard,
  readHostStyles,
  readPluginStyles,
  TOKEN_PATH,
  troubleIn,
} from './watchPage.ts';

/** Waits until the preview dashboard is ready for `tenant`, shows only its rows, and holds its token. */
export async function expectTenantShown(
  page: Page,
  emulator: RunningEmulator,
  tenant: string,
): Promise<DashboardView> {
  await expect
    .poll(() => readDashboard(page), { timeout: 20_000 })
    .toMatchObject({ status: 'ready', client: tenant });
  const view = await readDashboard(page);
  expect(view.rowTenants.length).toBeGreaterThan(0);
  expect(new Set(view.rowTenants)).toEqual(new Set([tenant]));
  expect(emulator.getTokenClaims(String(view.token))?.clientId).toBe(tenant);
  return view;
}

/** A short-lived token is replaced before it expires, on the same element, for the same tenant. */
export async function expectRefreshedInPlace(
  page: Page,
  emulator: RunningEmulator,
  first: DashboardView,
): Promise<void> {
  await expect.poll(async () => (await readDashboard(page)).token, { timeout: 15_000 }).not.toBe(first.token);
  await expect
    .poll(() => readDashboard(page), { timeout: 10_000 })
    .toMatchObject({ instance: first.instance, client: first.client, status: 'ready' });
  const refreshed = await readDashboard(page);
  expect(emulator.getTokenClaims(String(refreshed.token))?.clientId).toBe(first.client);
}

/** Signs in as `tenant` through the page's switcher and waits for its rows. */
export async function expectSwitchedTo(page: Page, emulator: RunningEmulator, tenant: string): Promise<void> {
  await page.getByRole('button', { name: tenant }).click();
  await expectTenantShown(page, emulator, tenant);
}

/**
 * DataBrain's real element is defined and holds a token the emulator minted
 * for `tenant`; its stylesheet lives in the element's shadow root while the
 * document keeps a handful of rules; the app's own elements compute the same
 * styles as on the same app without the plugin (`plainUrl`); no fonts host
 * was asked (`blocked` lists the requests that left 127.0.0.1).
 */
export async function expectRealElementsOnAnUntouchedPage(
  browser: Browser,
  page: Page,
  blocked: string[],
  { emulator, tenant, plainUrl }: { emulator: RunningEmulator; tenant: string; plainUrl: string },
): Promise<void> {
  await expect.poll(async () => (await readDashboard(page)).defined, { timeout: 30_000 }).toBe(true);
  await expect.poll(async () => typeof (await readDashboard(page)).token, { timeout: 10_000 }).toBe('string');
  const { token } = await readDashboard(page);
  expect(emulator.getTokenClaims(String(token))?.clientId).toBe(tenant);

  await expect.poll(async () => (await readPluginStyles(page)).shadowText).toBeGreaterThan(1_000_000);
  const { documentRules } = await readPluginStyles(page);
  expect(documentRules).toBeGreaterThan(0);
  expect(documentRules).toBeLessThan(20);
  const plain = await openApp(browser, plainUrl, tenant);
  await plain.page.goto(plainUrl);
  await expect.poll(() => readDashboard(plain.page), { timeout: 20_000 }).toMatchObject({ status: 'ready' });
  expect(await readHostStyles(page)).toEqual(await readHostStyles(plain.page));
  expect(fontHostRequests(blocked)).toEqual([]);
  await plain.context.close();
}

const GUEST_TOKEN_PATH = '/api/v2/guest-token/create';

/**
 * Closes the page while its token request waits on a slow DataBrain (an
 * emulator latency fault); `ask` makes the page request a token. The
 * emulator logs a request when its connection closes: here long before the
 * 20 s latency, so the app's server cancelled its call.
 */
export async function expectCancelledWhenPageCloses(
  page: Page,
  emulator: RunningEmulator,
  ask: () => Promise<unknown>,
): Promise<void> {
  await expect
    .poll(() => readDashboard(page), { timeout: 20_000 })
    .toMatchObject({ status: 'ready', client: 'acme' });
  const calls = () => emulator.requests.filter((entry) => entry.path === GUEST_TOKEN_PATH).length;
  const before = calls();
  emulator.faults.add({ path: GUEST_TOKEN_PATH, latencyMs: 20_000, times: 1 });
  try {
    const asked = page.waitForRequest((request) => request.url().endsWith(TOKEN_PATH), { timeout: 15_000 });
    await ask();
    await asked;
    await expect.poll(() => emulator.faults.pending(), { timeout: 5_000 }).toBe(0);
    await page.context().close();
    await expect.poll(calls, { timeout: 5_000 }).toBe(before + 1);
  } finally {
    emulator.faults.clear();
  }
}

/** Stops the app and checks that it wrote no error or warning. */
export async function stopQuietly(app: RunningApp): Promise<void> {
  await app.stop();
  const { stdout, stderr } = app.output();
  expect(stderr).toBe('');
  expect(troubleIn(stdout)).toEqual([]);
}
