import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import databrain, { PERSONA_NAMES } from '../../.storybook/databrain.ts';
import { chromiumArgs, chromiumPath } from '../chromium.ts';
import { assertAddonBuilt } from './assertAddonBuilt.ts';
import { type StaticSite, serveStatic } from './serveStatic.ts';
import { TEAM_TOKEN_ENDPOINT } from './static-live/main.ts';
import { storyFinished } from './storyFinished.ts';
import { watchStaticPage } from './watchStaticPage.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const staticDir = join(root, 'storybook-static');
const artifacts = join(root, 'test', 'artifacts');
const storybookBin = join(root, 'node_modules', '.bin', 'storybook');

/** `pnpm test` builds Storybook before the tests; a bare `vitest run` builds it here when missing. */
function ensureBuilt(): void {
  assertAddonBuilt();
  if (existsSync(join(staticDir, 'index.json'))) return;
  const result = spawnSync(storybookBin, ['build', '--quiet', '-o', staticDir], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('storybook build failed');
}

/** What Storybook's command line printed, without colours, links and its frame: plain words. */
function plainText(output: string): string {
  return (
    output
      // biome-ignore lint/suspicious/noControlCharactersInRegex: terminal escapes are what is removed.
      .replace(/\u001b\]8;;[^\u0007\u001b]*(\u0007|\u001b\\)/g, '')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: terminal escapes are what is removed.
      .replace(/\u001b\[[0-9;]*m/g, '')
      .replace(/[│■◇●└┌]/g, ' ')
      .replace(/\s+/g, ' ')
  );
}

/** Every file under `dir` whose bytes contain `text`. */
function filesContaining(dir: string, text: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((file) => statSync(file).isFile() && readFileSync(file).includes(text));
}

/** The team's endpoint with any query (the addon adds `?persona=`). */
const TEAM_TOKEN_ENDPOINT_PATTERN = new RegExp(`^${TEAM_TOKEN_ENDPOINT.replaceAll('.', '\\.')}(\\?.*)?$`);

let site: StaticSite;
let browser: Browser;

beforeAll(async () => {
  ensureBuilt();
  mkdirSync(artifacts, { recursive: true });
  site = await serveStatic(staticDir);
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

interface IndexEntry {
  readonly id: string;
  readonly title: string;
  readonly type: 'docs' | 'story';
  /** The source file, relative to the repository root (`./stories/Welcome.mdx`). */
  readonly importPath: string;
}

/** Every docs page and story of the build, from its index. */
async function indexEntries(): Promise<IndexEntry[]> {
  const response = await fetch(`${site.url}/index.json`);
  const index = (await response.json()) as { entries: Record<string, IndexEntry> };
  return Object.values(index.entries);
}

/** What the first preview dashboard of a page (or of the Storybook's preview frame) shows, once ready. */
async function readyDashboard(page: Page, inManager = false) {
  const scope = inManager ? page.frameLocator('#storybook-preview-iframe') : page;
  const dashboard = scope.locator('dbn-dashboard').first();
  await dashboard
    .locator('[data-testid="dbn-preview-status"]', { hasText: 'ready' })
    .waitFor({ timeout: 60_000 });
  const text = (testId: string) => dashboard.getByTestId(testId).textContent();
  const column = async (name: string) => {
    const headers = await dashboard.locator('thead th').allTextContents();
    const index = headers.indexOf(name);
    if (index < 0) throw new Error(`no column ${name}`);
    return dashboard
      .locator(`[data-testid="dbn-preview-rows"] tr td:nth-child(${index + 1})`)
      .allTextContents();
  };
  return {
    client: await text('dbn-preview-client'),
    tenants: await column('tenant'),
    regions: await column('region'),
  };
}

describe('the static Storybook build, on a plain file server with nothing else running', () => {
  it('lists every story file in its index', async () => {
    const titles = new Set((await indexEntries()).map((entry) => entry.title));
    for (const title of [
      'Welcome',
      'Embedding/Dashboard',
      'Embedding/Permissions',
      'Embedding/Tenants and row filters',
      'Embedding/Dashboard filters',
      'Embedding/Theme and chart colours',
      'Embedding/Metric',
      'Token/Loading',
      'Token/Endpoint down',
      'Token/Refresh in place',
      'Token/Expired token signalled by the element',
      'Token/Shared by several embeds',
      'Token/useGuestToken',
      'Backend/Token endpoint',
      'Packages/core',
      'Packages/server',
      'Packages/emulator',
      'Packages/react',
      'Packages/storybook',
    ]) {
      expect(titles).toContain(title);
    }
  });

  it("shows each persona its own tenant's rows, minted and served inside the page", async () => {
    const { page, problems, blocked } = await watchStaticPage(browser, site.url);
    const before = site.requests.length;
    try {
      for (const name of PERSONA_NAMES) {
        const { clientId } = databrain.personas[name];
        await page.goto(
          `${site.url}/iframe.html?id=embedding-dashboard--default&viewMode=story&globals=databrainPersona:${name}`,
        );
        const shown = await readyDashboard(page);
        expect(shown.client, name).toBe(clientId);
        expect(shown.tenants.length, name).toBeGreaterThan(0);
        expect(new Set(shown.tenants), name).toEqual(new Set([clientId]));
        if (name === 'globex-na-manager') expect(new Set(shown.regions)).toEqual(new Set(['NA']));
        await storyFinished(page);
      }
      await page.screenshot({ path: join(artifacts, 'storybook-static-persona.png'), fullPage: true });
      expect(problems).toEqual([]);
      expect(blocked).toEqual([]);
      // The file server only ever served files: no token request, no preview route reached it.
      const served = site.requests.slice(before);
      expect(served.filter((request) => !request.startsWith('GET '))).toEqual([]);
      expect(served.filter((request) => /\/api\/|databrain-emulator/.test(request))).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 120_000);

  it('switches the rows in place when the Persona toolbar changes databrainPersona, and the DataBrain panel follows', async () => {
    const { page, problems, blocked } = await watchStaticPage(browser, site.url);
    try {
      await page.goto(`${site.url}/?path=/story/embedding-dashboard--default`);
      const first = await readyDashboard(page, true);
      expect(first.client).toBe('acme');
      expect(new Set(first.tenants)).toEqual(new Set(['acme']));
      const frame = page.frame({ url: /iframe\.html/ });
      if (!frame) throw new Error('no preview frame');
      // Marks this document: a reload would lose the mark.
      await frame.evaluate(() => {
        (window as unknown as { databrainMark: number }).databrainMark = 42;
      });

      await page.getByRole('button', { name: /Who is signed in/ }).click();
      await page.getByRole('option', { name: /Globex manager, North America only/ }).click();
      await expect
        .poll(async () => (await readyDashboard(page, true)).client, { timeout: 30_000 })
        .toBe('globex');
      const switched = await readyDashboard(page, true);
      expect(new Set(switched.tenants)).toEqual(new Set(['globex']));
      expect(new Set(switched.regions)).toEqual(new Set(['NA']));
      // The same document: no reload. (The old persona's token, and the element that showed its
      // rows, are dropped at once; the new element shows only the new persona's rows.)
      expect(
        await frame.evaluate(() => (window as unknown as { databrainMark?: number }).databrainMark),
      ).toBe(42);
      expect(page.url()).toContain('globals=databrainPersona:globex-na-manager');

      await page.getByRole('tab', { name: 'DataBrain' }).click();
      const panel = page.getByTestId('databrain-panel');
      await expect.poll(() => panel.textContent(), { timeout: 10_000 }).toContain('(globex-na-manager)');
      const text = (await panel.textContent()) ?? '';
      expect(text).toContain('tenant (clientId)globex');
      expect(text).toContain('appFilters · revenue · {"region":"NA"}');
      expect(text).toContain('POST/api/databrain/token?persona=globex-na-manager200');
      expect(text).toMatch(/expires(59m \d+s|1h 0m)/);
      expect(text).toContain('modestatic');
      await page.screenshot({ path: join(artifacts, 'storybook-static-switch.png') });
      expect(problems).toEqual([]);
      expect(blocked).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 120_000);

  it("answers useMetricData inside the page: each persona's own figures, the filters, the endpoint down", async () => {
    const { page, problems, blocked } = await watchStaticPage(browser, site.url);
    const before = site.requests.length;
    const story = (id: string) =>
      `${site.url}/iframe.html?id=embedding-headless-metric-data--${id}&viewMode=story`;
    const kpi = () => page.getByTestId('kpi-total');
    try {
      await page.goto(story('acme'));
      await expect.poll(() => kpi().textContent(), { timeout: 60_000 }).toBe('5,530');
      // Globex's manager: the persona's region filter holds.
      await page.goto(story('globex-north-america'));
      await expect.poll(() => kpi().textContent(), { timeout: 60_000 }).toBe('3,850');
      // The story's play function runs here too: the Controls arg (Analytics), then the select's
      // Reports, one row.
      await page.goto(story('filter-from-controls'));
      await expect.poll(() => kpi().textContent(), { timeout: 60_000 }).toBe('450');
      expect(await page.getByTestId('row-count').textContent()).toBe('1');
      await storyFinished(page);

      // Its play function brings the endpoint back only after the error view showed HTTP 503.
      await page.goto(story('endpoint-down'));
      await expect.poll(() => kpi().textContent(), { timeout: 60_000 }).toBe('5,530');
      expect(await page.getByTestId('endpoint-state').textContent()).toBe('back up');
      expect(await page.getByRole('alert').count()).toBe(0);
      await page.screenshot({ path: join(artifacts, 'storybook-static-headless.png'), fullPage: true });
      expect(problems.filter((problem) => problem.startsWith('page error'))).toEqual([]);
      expect(blocked).toEqual([]);
      // Answered in the page: no data request reached the file server.
      const served = site.requests.slice(before);
      expect(served.filter((request) => /\/api\//.test(request))).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 120_000);

  it('shows the error view with Retry while the token endpoint is down, and recovers', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    try {
      await page.goto(`${site.url}/iframe.html?id=token-endpoint-down--still-down&viewMode=story`);
      const alert = page.getByRole('alert');
      await alert.waitFor({ timeout: 60_000 });
      expect(await alert.textContent()).toContain('The dashboard could not be loaded.');
      await expect.poll(() => page.getByRole('button', { name: 'Retry' }).isVisible()).toBe(true);
      await page.screenshot({ path: join(artifacts, 'storybook-endpoint-down.png'), fullPage: true });

      await page.getByRole('button', { name: 'Bring the endpoint back' }).click();
      await page.getByText('back up').waitFor();
      // The provider's own retry (1 s, 2 s, 4 s …) may recover first; then there is nothing to click.
      await page
        .getByRole('button', { name: 'Retry' })
        .click({ timeout: 5_000 })
        .catch(() => undefined);
      await expect
        .poll(() => page.getByTestId('dbn-preview-status').textContent(), { timeout: 60_000 })
        .toBe('ready');
      expect(await page.getByRole('alert').count()).toBe(0);
    } finally {
      await page.close();
    }
  }, 90_000);

  it('renders the tables and code of every docs page, never raw Markdown, within the window', async () => {
    const docs = (await indexEntries()).filter((entry) => entry.type === 'docs');
    expect(docs.map((entry) => entry.id)).toEqual(
      expect.arrayContaining(['welcome--docs', 'packages-core--docs', 'packages-react--docs']),
    );
    const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    try {
      for (const entry of docs) {
        // What the page's Markdown holds (autodocs pages have no Markdown of their own).
        const markdown = entry.importPath.endsWith('.mdx')
          ? readFileSync(join(root, entry.importPath), 'utf8')
          : '';
        const gfmTables = markdown.match(/^\|\s*-{3,}/gm)?.length ?? 0;
        const codeBlocks = (markdown.match(/^```/gm)?.length ?? 0) / 2;

        await page.goto(`${site.url}/iframe.html?id=${entry.id}&viewMode=docs`);
        await page.locator('#storybook-docs h1').first().waitFor({ timeout: 60_000 });
        // Code blocks are highlighted by a lazily loaded chunk: wait for all of them.
        await expect
          .poll(() => page.locator('#storybook-docs .docblock-source pre').count(), { timeout: 30_000 })
          .toBeGreaterThanOrEqual(codeBlocks);
        const shown = await page.locator('#storybook-docs').evaluate((docsRoot) => ({
          tables: docsRoot.querySelectorAll('table').length,
          // A GFM table that was not parsed stays a paragraph of pipes: `| a | b | | --- | --- |`.
          rawTables: [...docsRoot.querySelectorAll('p')]
            .map((paragraph) => paragraph.textContent ?? '')
            .filter((text) => /\|\s*-{3,}\s*\|/.test(text)),
          error: docsRoot.ownerDocument.body.classList.contains('sb-show-errordisplay'),
          // Nothing (a wide table, a long signature) makes the page scroll sideways.
          tooWide: docsRoot.ownerDocument.documentElement.scrollWidth > window.innerWidth,
        }));
        expect(shown.rawTables, entry.id).toEqual([]);
        expect(shown.error, entry.id).toBe(false);
        expect(shown.tooWide, `${entry.id}: wider than the window`).toBe(false);
        expect(shown.tables, `${entry.id}: tables`).toBeGreaterThanOrEqual(gfmTables);
        await page.screenshot({ path: join(artifacts, `docs-${entry.id}.png`), fullPage: true });
      }
    } finally {
      await page.close();
    }
  }, 180_000);

  it('renders every story without an error, offline, screenshots kept', async () => {
    const stories = (await indexEntries()).filter((entry) => entry.type === 'story');
    expect(stories.length).toBeGreaterThan(20);
    const { page, problems, blocked } = await watchStaticPage(browser, site.url);
    try {
      for (const entry of stories) {
        await page.goto(`${site.url}/iframe.html?id=${entry.id}&viewMode=story`);
        // Storybook marks the body once the story rendered (`sb-show-main`) or failed (`sb-show-errordisplay`).
        await page.waitForFunction(
          () => /sb-show-(main|errordisplay)/.test(document.body.className),
          undefined,
          { timeout: 60_000 },
        );
        // Let tokens and preview data arrive before the picture is taken: no placeholder left, no
        // preview still loading. A story that stays loading on purpose is shot as it is.
        await page
          .waitForFunction(
            () =>
              document.querySelectorAll('[role="status"]').length === 0 &&
              [...document.querySelectorAll('[data-testid="dbn-preview-status"]')].every(
                (status) => status.textContent !== 'loading',
              ),
            undefined,
            { timeout: 10_000 },
          )
          .catch(() => undefined);
        expect(await page.evaluate(() => document.body.className), entry.id).not.toContain(
          'sb-show-errordisplay',
        );
        await page.screenshot({ path: join(artifacts, `story-${entry.id}.png`), fullPage: true });
      }
      expect(problems.filter((problem) => problem.startsWith('page error'))).toEqual([]);
      expect(blocked).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 300_000);

  it('opens the manager UI with the docs page of a package', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(`${site.url}/?path=/docs/packages-react--docs`);
      const preview = page.frameLocator('#storybook-preview-iframe');
      await preview
        .getByRole('heading', { name: /@databrain-embed\/react/ })
        .first()
        .waitFor({ timeout: 60_000 });
      await expect
        .poll(() => page.getByText('Embedding').first().isVisible(), { timeout: 30_000 })
        .toBe(true);
    } finally {
      await page.close();
    }
  }, 90_000);

  it('opens on the Welcome page, first in the sidebar', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(`${site.url}/`);
      const preview = page.frameLocator('#storybook-preview-iframe');
      await preview.getByRole('heading', { name: 'What you are looking at' }).waitFor({ timeout: 60_000 });
      const sidebar = page.locator('#storybook-explorer-tree');
      await expect.poll(() => sidebar.getByRole('link').first().textContent()).toBe('Welcome');
      await page.screenshot({ path: join(artifacts, 'storybook-welcome.png') });
    } finally {
      await page.close();
    }
  }, 90_000);

  it("keeps Storybook's onboarding checklist off (only the dev server would show it)", async () => {
    const { default: config } = await import('../../.storybook/main.ts');
    expect(config.features).toMatchObject({
      sidebarOnboardingChecklist: false,
      menuOnboardingChecklist: false,
    });
  });

  it('holds no DataBrain key, and a build with DATABRAIN_API_KEY set fails saying how a static Storybook goes live', () => {
    const key = `dbn-static-build-key-${Date.now()}`;
    const out = mkdtempSync(join(tmpdir(), 'storybook-with-key-'));
    try {
      const result = spawnSync(storybookBin, ['build', '--quiet', '-o', out], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, DATABRAIN_API_KEY: key },
        timeout: 120_000,
      });
      const output = plainText(`${result.stdout}\n${result.stderr}`);
      expect(result.status).not.toBe(0);
      expect(output).toContain('a static Storybook cannot hold an API key');
      expect(output).toContain('A static Storybook can only go live through your own token endpoint');
      expect(output).toContain("the option tokenEndpoint: '<the https URL of your endpoint>'");
      expect(output).not.toContain(key);
      expect(filesContaining(out, key)).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 150_000);
});

describe("a static Storybook that goes live through the team's own token endpoint", () => {
  it('builds with DATABRAIN_API_KEY set, holds no key, and asks that endpoint for the persona of the toolbar', async () => {
    const key = `dbn-live-build-key-${Date.now()}`;
    const out = mkdtempSync(join(tmpdir(), 'storybook-static-live-'));
    let live: StaticSite | undefined;
    try {
      const result = spawnSync(
        storybookBin,
        ['build', '--quiet', '-c', join('test', 'storybook', 'static-live'), '-o', out],
        { cwd: root, encoding: 'utf8', env: { ...process.env, DATABRAIN_API_KEY: key }, timeout: 240_000 },
      );
      expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
      expect(filesContaining(out, key)).toEqual([]);

      live = await serveStatic(out);
      const { page, blocked } = await watchStaticPage(browser, live.url);
      const asked: { method: string; url: string; body: string | null }[] = [];
      await page.context().route(TEAM_TOKEN_ENDPOINT_PATTERN, (route) => {
        const request = route.request();
        asked.push({ method: request.method(), url: request.url(), body: request.postData() });
        return route.fulfill({
          status: 200,
          headers: { 'access-control-allow-origin': '*', 'content-type': 'application/json' },
          body: JSON.stringify({ token: 'team-token-1', expiresIn: 3_600_000 }),
        });
      });
      try {
        await page.goto(
          `${live.url}/iframe.html?id=live-dashboard--default&viewMode=story&globals=databrainPersona:initech-viewer`,
        );
        await expect
          .poll(() => asked.filter((entry) => entry.method === 'POST').length, { timeout: 60_000 })
          .toBe(1);
        const [request] = asked.filter((entry) => entry.method === 'POST');
        expect(new URL(request?.url ?? '').searchParams.get('persona')).toBe('initech-viewer');
        // DataBrain's own elements, not the preview stand-ins: the page asked DataBrain's hosts (blocked here).
        await expect
          .poll(() => page.evaluate(() => customElements.get('dbn-dashboard') !== undefined), {
            timeout: 60_000,
          })
          .toBe(true);
        expect(await page.locator('[data-testid="dbn-preview-status"]').count()).toBe(0);
        expect(blocked.some((url) => url.startsWith(TEAM_TOKEN_ENDPOINT))).toBe(false);
        expect(live.requests.filter((entry) => !entry.startsWith('GET '))).toEqual([]);
      } finally {
        await page.context().close();
      }
    } finally {
      await live?.close();
      rmSync(out, { recursive: true, force: true });
    }
  }, 300_000);
});
