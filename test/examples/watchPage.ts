import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../chromium.ts';

export const TOKEN_PATH = '/api/databrain/token';

/** Debian's Chromium through playwright-core. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
}

/** A page of the app, with what went wrong on it and when it asked for tokens. */
export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors, hydration messages, page errors, failed or 4xx/5xx requests to the app. */
  problems: string[];
  /** Times (ms since the epoch) of every request to the token route. */
  tokenRequests: number[];
  /** Every request that left 127.0.0.1 (and was blocked). */
  blocked: string[];
}

/**
 * Opens a page in a fresh context, signed in as `tenant` through the demo
 * cookie. Every request that does not go to 127.0.0.1 (the app and the
 * emulator) is blocked, as on a machine without internet.
 */
export async function openApp(browser: Browser, appUrl: string, tenant: string): Promise<WatchedPage> {
  const context = await browser.newContext();
  await context.addCookies([{ name: 'demo-tenant', value: tenant, url: appUrl }]);
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    if (new URL(route.request().url()).hostname === '127.0.0.1') return route.continue();
    blocked.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  const page = await context.newPage();
  const problems: string[] = [];
  const tokenRequests: number[] = [];
  const ownOrigin = new URL(appUrl).origin;
  page.on('console', (message) => {
    if (message.type() === 'error' || /hydrat/i.test(message.text())) {
      problems.push(`console ${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === TOKEN_PATH) tokenRequests.push(Date.now());
  });
  page.on('requestfailed', (request) => {
    const url = new URL(request.url());
    // Next's router cancels a page-payload (`?_rsc=`) fetch that a newer one replaces: a cancel, not a failure.
    const supersededPayload =
      url.searchParams.has('_rsc') && request.failure()?.errorText === 'net::ERR_ABORTED';
    if (url.origin === ownOrigin && !supersededPayload) {
      problems.push(`failed request: ${request.method()} ${request.url()} (${request.failure()?.errorText})`);
    }
  });
  page.on('response', (response) => {
    if (new URL(response.url()).origin === ownOrigin && response.status() >= 400) {
      problems.push(`${response.status()} from ${response.request().method()} ${response.url()}`);
    }
  });
  return { page, context, problems, tokenRequests, blocked };
}

/** What the first `dbn-dashboard` shows: the emulator preview card's facts, and its `token` property. */
export interface DashboardView {
  defined: boolean;
  instance: string | null;
  token: unknown;
  status: string | null;
  client: string | null;
  rowTenants: string[];
}

export function readDashboard(page: Page): Promise<DashboardView> {
  return page.evaluate(() => {
    const element = document.querySelector('dbn-dashboard') as (HTMLElement & { token?: unknown }) | null;
    const text = (testId: string) =>
      element?.querySelector(`[data-testid="${testId}"]`)?.textContent?.trim() ?? null;
    const rows = element?.querySelectorAll('[data-testid="dbn-preview-rows"] tr') ?? [];
    return {
      defined: customElements.get('dbn-dashboard') !== undefined,
      instance: element?.getAttribute('data-instance') ?? null,
      token: element?.token,
      status: text('dbn-preview-status'),
      client: text('dbn-preview-client'),
      rowTenants: [...rows].map((row) => row.querySelector('td')?.textContent ?? ''),
    };
  });
}

/** Output lines of a server that speak of an error or a warning. */
export function troubleIn(output: string): string[] {
  return output.split('\n').filter((line) => /error|warn|unhandled|exception/i.test(line));
}

/** Properties DataBrain's global stylesheet would change on a host page. */
const HOST_PROPERTIES = [
  'display',
  'margin-top',
  'margin-bottom',
  'padding-left',
  'padding-top',
  'font-family',
  'font-size',
  'font-weight',
  'line-height',
  'color',
  'background-color',
  'border-top-width',
  'list-style-type',
] as const;

/**
 * The computed styles of the app's own elements (everything but the embeds),
 * by tag name and property, to compare a page with and without DataBrain's
 * plugin loaded.
 */
export function readHostStyles(page: Page): Promise<Record<string, string>> {
  return page.evaluate((properties) => {
    const styles: Record<string, string> = {};
    for (const tag of ['html', 'body', 'main', 'h1', 'fieldset', 'legend', 'button']) {
      const element = document.querySelector(tag);
      if (!element) continue;
      const computed = getComputedStyle(element);
      for (const property of properties) styles[`${tag} ${property}`] = computed.getPropertyValue(property);
    }
    return styles;
  }, HOST_PROPERTIES);
}

/** What DataBrain's plugin put in the page: its document stylesheet and the dashboard's shadow copy. */
export function readPluginStyles(page: Page): Promise<{ documentRules: number; shadowText: number }> {
  return page.evaluate(() => {
    const style = document.getElementById('dbn-styles') as HTMLStyleElement | null;
    const shadow = document.querySelector('dbn-dashboard')?.shadowRoot?.querySelector('style');
    return {
      documentRules: style?.sheet?.cssRules.length ?? -1,
      shadowText: shadow?.textContent?.length ?? 0,
    };
  });
}

/** Requests to a fonts host among those a page made. */
export const fontHostRequests = (urls: string[]): string[] =>
  urls.filter((url) => /fonts\.(googleapis|gstatic)\.com/.test(url));
