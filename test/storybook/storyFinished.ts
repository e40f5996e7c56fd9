import type { Frame, Page } from 'playwright-core';

/** The phases after which a story's render does nothing more (Storybook's `StoryRender`). */
const DONE = ['finished', 'errored', 'aborted'];

/**
 * Waits until the story in `scope` (a story's page, or the manager's preview
 * frame) has run its whole lifecycle, `afterEach` included, where the
 * accessibility addon loads and runs axe, and the network is quiet again.
 * Opening the next story any earlier aborts a lazy chunk still loading, a
 * failed request the page itself never caused.
 *
 * @example
 * ```ts
 * await page.goto(`${site.url}/iframe.html?id=embedding-dashboard--default&viewMode=story`);
 * await storyFinished(page);
 * ```
 */
export async function storyFinished(scope: Page | Frame): Promise<void> {
  await scope.waitForFunction(
    (done) => {
      const preview = (window as { __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } } })
        .__STORYBOOK_PREVIEW__;
      if (!preview) throw new Error('no Storybook preview in this document');
      return done.includes(preview.currentRender?.phase ?? '');
    },
    DONE,
    { timeout: 60_000 },
  );
  await scope.waitForLoadState('networkidle');
}
