import type { Browser, BrowserContext, Page } from 'playwright-core';

/** A page of a static Storybook, offline, with everything that went wrong on it. */
export interface WatchedStaticPage {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Console errors (manager and preview), page errors, failed requests, 4xx/5xx answers. */
  readonly problems: string[];
  /** Every request that tried to leave the site's host (each was blocked). */
  readonly blocked: string[];
}

/**
 * Opens a page in a fresh context where every request to another host than
 * the site's is blocked, as on a machine without internet, and collects
 * every problem the page shows.
 *
 * @example
 * ```ts
 * const { page, problems } = await watchStaticPage(browser, site.url);
 * expect(problems).toEqual([]);
 * ```
 */
export async function watchStaticPage(browser: Browser, siteUrl: string): Promise<WatchedStaticPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const own = new URL(siteUrl);
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    if (new URL(route.request().url()).host === own.host) return route.continue();
    blocked.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) =>
    problems.push(`failed request: ${request.method()} ${request.url()} (${request.failure()?.errorText})`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} from ${response.url()}`);
  });
  return { page, context, problems, blocked };
}
