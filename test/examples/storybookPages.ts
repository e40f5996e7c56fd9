import type { DatabrainStorybookConfig } from '@databrain-embed/storybook';
import type { Browser, Frame, Page } from 'playwright-core';
import { expect } from 'vitest';
import { storyFinished } from '../storybook/storyFinished.ts';
import { type WatchedStaticPage, watchStaticPage } from '../storybook/watchStaticPage.ts';

/** The embeds the example's Analytics page renders, by element: the metric first, then the dashboard. */
const EMBED_ELEMENTS = { revenue: 'dbn-metric', 'sales-overview': 'dbn-dashboard' } as const;

/** What one preview element shows: its status, the token's tenant, and its table as text. */
export interface EmbedView {
  status: string | null;
  embedId: string | null;
  client: string | null;
  rows: Record<string, string>[];
}

/** Marks an element of a story that has been left: {@link readEmbeds} no longer sees it. */
const LEFT_STORY = 'data-left-story';

/**
 * Reads every embed of the Analytics page in `scope` (a story's page, or the
 * manager's preview frame), skipping elements of a story already left (see
 * {@link leaveStory}).
 */
export async function readEmbeds(scope: Page | Frame): Promise<Record<string, EmbedView>> {
  return scope.evaluate(
    ({ elements, left }) => {
      const views: Record<string, EmbedView> = {};
      for (const [embedId, tag] of Object.entries(elements)) {
        const element = document.querySelector(`${tag}:not([${left}])`);
        const text = (testId: string) =>
          element?.querySelector(`[data-testid="${testId}"]`)?.textContent?.trim() ?? null;
        const headers = [...(element?.querySelectorAll('thead th') ?? [])].map((th) => th.textContent ?? '');
        const rows = [...(element?.querySelectorAll('[data-testid="dbn-preview-rows"] tr') ?? [])].map((tr) =>
          Object.fromEntries(
            [...tr.querySelectorAll('td')].map((td, index) => [headers[index], td.textContent]),
          ),
        );
        views[embedId] = {
          status: text('dbn-preview-status'),
          embedId: text('dbn-preview-embed'),
          client: text('dbn-preview-client'),
          rows,
        };
      }
      return views;
    },
    { elements: EMBED_ELEMENTS, left: LEFT_STORY },
  );
}

/**
 * Marks the embeds now on the page as belonging to a story being left, so
 * that checks after a story change only pass on the new story's elements
 * (Storybook re-creates them for every story it renders).
 */
async function leaveStory(scope: Page | Frame): Promise<void> {
  await scope.evaluate(
    ({ elements, left }) => {
      for (const tag of Object.values(elements)) {
        for (const element of document.querySelectorAll(tag)) element.setAttribute(left, '');
      }
    },
    { elements: EMBED_ELEMENTS, left: LEFT_STORY },
  );
}

/**
 * The `columns` of `rows`, one sorted line per row: what a preview table must
 * show of them whatever its number format (text columns are shown as they are).
 */
function cells(rows: readonly Record<string, unknown>[], columns: readonly string[]): string[] {
  return rows.map((row) => JSON.stringify(columns.map((column) => String(row[column])))).sort();
}

/** What is checked of one embed: its state, its token's tenant, and its rows' tenants and text cells. */
interface EmbedVerdict {
  status: string | null;
  embedId: string | null;
  client: string | null;
  tenants: string[];
  cells: string[];
}

/**
 * Waits until every embed of the page is ready for `persona`'s tenant and
 * shows exactly the rows of that tenant from the example's own
 * `.storybook/databrain.ts` (so none of another tenant, and not the
 * emulator's built-in sample table). Everything is judged on one reading of
 * the page, so an element replaced between two readings cannot pass half a
 * check.
 */
export async function expectPersonaRows(
  scope: () => Page | Frame,
  config: DatabrainStorybookConfig,
  persona: string,
  label: string,
): Promise<void> {
  const clientId = config.personas[persona]?.clientId;
  if (clientId === undefined) throw new Error(`${label}: no persona ${persona} in the config`);
  const tenantColumn = config.tenantColumn ?? 'tenant';
  const expected: Record<string, EmbedVerdict> = {};
  const textColumns: Record<string, string[]> = {};
  for (const embed of config.embeds) {
    const rows = (embed.rows ?? []).filter((row) => row[tenantColumn] === clientId);
    expect(rows.length, `${label}: ${embed.embedId} has sample rows for ${clientId}`).toBeGreaterThan(0);
    textColumns[embed.embedId] = Object.keys(rows[0] ?? {}).filter((column) =>
      rows.every((row) => typeof row[column] === 'string'),
    );
    expected[embed.embedId] = {
      status: 'ready',
      embedId: embed.embedId,
      client: clientId,
      tenants: [clientId],
      cells: cells(rows, textColumns[embed.embedId] ?? []),
    };
  }
  const judge = (shown: Record<string, EmbedView>): Record<string, EmbedVerdict> =>
    Object.fromEntries(
      Object.keys(expected).map((embedId) => {
        const view = shown[embedId];
        const rows = view?.rows ?? [];
        return [
          embedId,
          {
            status: view?.status ?? null,
            embedId: view?.embedId ?? null,
            client: view?.client ?? null,
            tenants: [...new Set(rows.map((row) => String(row[tenantColumn])))].sort(),
            cells: cells(rows, textColumns[embedId] ?? []),
          },
        ];
      }),
    );
  await expect
    .poll(async () => judge(await readEmbeds(scope())), { timeout: 60_000, message: label })
    .toEqual(expected);
}

/** Story id → the persona it pins, or `null` when it follows the Persona toolbar. */
export type StoryPersonas = Readonly<Record<string, string | null>>;

/** The stories of a Storybook (built or dev), from its index. */
export async function storyIds(siteUrl: string): Promise<string[]> {
  const response = await fetch(`${siteUrl}/index.json`);
  const index = (await response.json()) as { entries: Record<string, { id: string; type: string }> };
  return Object.values(index.entries)
    .filter((entry) => entry.type === 'story')
    .map((entry) => entry.id)
    .sort();
}

/**
 * Opens every story on its own (`iframe.html`) once per persona named by
 * `?globals=databrainPersona:…`: each shows the rows of its pinned persona,
 * else of the one named. Nothing leaves the site, nothing fails.
 */
export async function expectEveryStoryForEveryPersona(
  browser: Browser,
  siteUrl: string,
  config: DatabrainStorybookConfig,
  stories: StoryPersonas,
): Promise<WatchedStaticPage> {
  const watched = await watchStaticPage(browser, siteUrl);
  const { page } = watched;
  for (const [id, pinned] of Object.entries(stories)) {
    for (const persona of Object.keys(config.personas)) {
      await page.goto(`${siteUrl}/iframe.html?id=${id}&viewMode=story&globals=databrainPersona:${persona}`);
      await expectPersonaRows(() => page, config, pinned ?? persona, `${id} as ${persona}`);
      await storyFinished(page);
    }
  }
  return watched;
}

/** The manager's preview frame, the document a story renders in. */
function previewFrame(page: Page): Frame {
  const frame = page.frame({ url: /iframe\.html/ });
  if (!frame) throw new Error('no preview frame');
  return frame;
}

/**
 * Opens the manager once, on the first story with a persona other than the
 * default named in the URL, then walks every story through the sidebar. On each it picks the
 * next persona in the Persona toolbar: a story that follows the toolbar shows
 * the new tenant's rows in the same document (no reload), a pinned story
 * keeps its persona's rows.
 */
export async function expectToolbarSwitchInPlace(
  browser: Browser,
  siteUrl: string,
  config: DatabrainStorybookConfig,
  stories: StoryPersonas,
): Promise<WatchedStaticPage> {
  const watched = await watchStaticPage(browser, siteUrl);
  const { page } = watched;
  const personas = Object.keys(config.personas);
  const labelOf = (persona: string) => config.personas[persona]?.label ?? persona;
  const toolbar = page.getByRole('button', { name: /Who is signed in/ });
  // Not the default persona: the URL's global is what selects it.
  let current = personas.find((persona) => persona !== config.defaultPersona) ?? '';
  let opened = false;
  for (const [id, pinned] of Object.entries(stories)) {
    if (opened) {
      await leaveStory(previewFrame(page));
      await page.locator(`[data-item-id="${id}"]`).click();
      await expect.poll(() => page.url(), { timeout: 10_000 }).toContain(`path=/story/${id}`);
    } else {
      await page.goto(`${siteUrl}/?path=/story/${id}&globals=databrainPersona:${current}`);
      opened = true;
    }
    await expect.poll(() => toolbar.textContent(), { timeout: 30_000 }).toContain(labelOf(current));
    await expectPersonaRows(() => previewFrame(page), config, pinned ?? current, `${id} as ${current}`);
    // Marks this document: a reload would lose the mark.
    await previewFrame(page).evaluate(() => {
      (window as unknown as { databrainMark: string }).databrainMark = 'before the switch';
    });

    const next = personas[(personas.indexOf(current) + 1) % personas.length] ?? current;
    await toolbar.click();
    await page.getByRole('option', { name: new RegExp(`^${labelOf(next)}`) }).click();
    await expect.poll(() => toolbar.textContent(), { timeout: 10_000 }).toContain(labelOf(next));
    await expectPersonaRows(() => previewFrame(page), config, pinned ?? next, `${id} switched to ${next}`);
    expect(
      await previewFrame(page).evaluate(
        () => (window as unknown as { databrainMark?: string }).databrainMark,
      ),
      `${id}: the same document after the switch`,
    ).toBe('before the switch');
    current = next;
  }
  return watched;
}
