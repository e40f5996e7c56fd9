import { expect, waitFor, within } from 'storybook/test';

/** Long enough for a cold Vite transform and the emulator on a busy 2-core machine. */
export const PREVIEW_TIMEOUT = 30_000;

type Tag = 'dbn-dashboard' | 'dbn-metric';

/** The `index`-th DataBrain element in the story, once it is in the DOM. */
export async function findElement(
  root: HTMLElement,
  tag: Tag = 'dbn-dashboard',
  index = 0,
): Promise<HTMLElement> {
  return waitFor(
    () => {
      const element = root.querySelectorAll<HTMLElement>(tag)[index];
      if (!element) throw new Error(`no <${tag}> #${index} yet`);
      return element;
    },
    { timeout: PREVIEW_TIMEOUT },
  );
}

/** The text of one of the preview card's fields (`client`, `token`, `permissions`, …). */
export function field(element: HTMLElement, name: string): string {
  return within(element).getByTestId(`dbn-preview-${name}`).textContent ?? '';
}

/** Waits until the one element with this `data-testid` under `root` shows `text`. */
export async function waitForText(
  root: HTMLElement,
  testId: string,
  text: string | RegExp,
  timeout = PREVIEW_TIMEOUT,
): Promise<void> {
  await waitFor(() => expect(within(root).getByTestId(testId)).toHaveTextContent(text), { timeout });
}

/** Waits until the preview element shows `status` (default `ready`), and returns it. */
export async function expectStatus(
  element: HTMLElement,
  status: 'loading' | 'ready' | 'expired' | 'error' = 'ready',
  timeout = PREVIEW_TIMEOUT,
): Promise<HTMLElement> {
  await waitForText(element, 'dbn-preview-status', status, timeout);
  return element;
}

/** Finds the element and waits until it has loaded its data. */
export async function findReadyPreview(
  root: HTMLElement,
  tag: Tag = 'dbn-dashboard',
  index = 0,
): Promise<HTMLElement> {
  return expectStatus(await findElement(root, tag, index));
}

/**
 * Waits until the element got its next token (`data-token-version` 1), and
 * checks it got it in place: still the only one of its kind in `root`, with
 * the `data-instance` it had before.
 */
export async function expectTokenSwappedInPlace(
  root: HTMLElement,
  element: HTMLElement,
  instance: string | undefined,
): Promise<void> {
  await waitFor(() => expect(element.dataset.tokenVersion).toBe('1'), { timeout: 30_000 });
  await expect(root.querySelectorAll(element.localName)).toHaveLength(1);
  await expect(root.querySelector(element.localName)).toBe(element);
  await expect(element.dataset.instance).toBe(instance);
}

/** One column of every row the preview shows. */
export function columnShown(element: HTMLElement, column: string): string[] {
  const headers = [...element.querySelectorAll('thead th')].map((th) => th.textContent);
  const index = headers.indexOf(column);
  if (index < 0) throw new Error(`no column ${column}`);
  const rows = within(element).getByTestId('dbn-preview-rows').querySelectorAll('tr');
  return [...rows].map((row) => row.querySelectorAll('td')[index]?.textContent ?? '');
}

/** The tenant column of every row the preview shows. */
export function tenantsShown(element: HTMLElement): string[] {
  return columnShown(element, 'tenant');
}

/** Some values (rows shown), and every one of them `value`. */
export async function expectOnly(values: readonly string[], value: string): Promise<void> {
  await expect(values.length).toBeGreaterThan(0);
  await expect(new Set(values)).toEqual(new Set([value]));
}
