import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../chromium.ts';
import { type StaticStorybook, serveStaticStorybook } from './serveStatic.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const staticDir = join(root, 'storybook-static');
const artifacts = join(root, 'test', 'artifacts');

/** `pnpm test` builds Storybook before the tests; a bare `vitest run` builds it here when missing. */
function ensureBuilt(): void {
  if (existsSync(join(staticDir, 'index.json'))) return;
  const bin = join(root, 'node_modules', '.bin', 'storybook');
  const result = spawnSync(bin, ['build', '--quiet', '-o', staticDir], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('storybook build failed');
}

let storybook: StaticStorybook;
let browser: Browser;

beforeAll(async () => {
  ensureBuilt();
  mkdirSync(artifacts, { recursive: true });
  storybook = await serveStaticStorybook({ dir: staticDir });
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await storybook?.close();
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
  const response = await fetch(`${storybook.url}/index.json`);
  const index = (await response.json()) as { entries: Record<string, IndexEntry> };
  return Object.values(index.entries);
}

async function openStory(id: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
  await page.goto(`${storybook.url}/iframe.html?id=${id}&viewMode=story`);
  return page;
}

describe('the static Storybook build', () => {
  it('lists every story file in its index', async () => {
    const response = await fetch(`${storybook.url}/index.json`);
    const index = (await response.json()) as { entries: Record<string, { title: string; type: string }> };
    const titles = new Set(Object.values(index.entries).map((entry) => entry.title));
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
    ]) {
      expect(titles).toContain(title);
    }
  });

  it('renders the default dashboard with a token minted by the real handler', async () => {
    const page = await openStory('embedding-dashboard--default');
    try {
      const dashboard = page.locator('dbn-dashboard');
      await expect
        .poll(() => dashboard.getByTestId('dbn-preview-status').textContent({ timeout: 60_000 }), {
          timeout: 60_000,
        })
        .toBe('ready');
      expect(await dashboard.getByTestId('dbn-preview-client').textContent()).toBe('acme');
      expect(await dashboard.getByTestId('dbn-preview-embed').textContent()).toBe('sales-overview');
      const tenants = await dashboard
        .locator('[data-testid="dbn-preview-rows"] tr td:first-child')
        .allTextContents();
      expect(tenants.length).toBeGreaterThan(0);
      expect(new Set(tenants)).toEqual(new Set(['acme']));
      await page.screenshot({ path: join(artifacts, 'storybook-dashboard-default.png'), fullPage: true });
    } finally {
      await page.close();
    }
  }, 90_000);

  it('shows the error view with Retry while the token endpoint is down, and recovers', async () => {
    const page = await openStory('token-endpoint-down--still-down');
    try {
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

        await page.goto(`${storybook.url}/iframe.html?id=${entry.id}&viewMode=docs`);
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

  it('renders every story without an error, screenshots kept', async () => {
    const stories = (await indexEntries()).filter((entry) => entry.type === 'story');
    expect(stories.length).toBeGreaterThan(20);
    const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    try {
      for (const entry of stories) {
        await page.goto(`${storybook.url}/iframe.html?id=${entry.id}&viewMode=story`);
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
      expect(pageErrors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 300_000);

  it('opens the manager UI with the docs page of a package', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(`${storybook.url}/?path=/docs/packages-react--docs`);
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
      await page.goto(`${storybook.url}/`);
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
});
