import type { ResolvedDatabrainStorybookConfig } from './DatabrainStorybookConfig.ts';

/**
 * What the in-page routes of a static Storybook (token and data) run on: the
 * team's config, the in-page emulator and the page's cookies.
 */
export interface BrowserRouteOptions {
  readonly config: ResolvedDatabrainStorybookConfig;
  /** The emulator's `fetch` (in the page, no network). */
  readonly emulator: (request: Request) => Promise<Response>;
  /** The data-app API key the emulator accepts (the emulator's own, never a real one). */
  readonly apiKey: string;
  /** The page's cookies (`document.cookie`): a browser never puts them on a `Request` it builds. */
  readonly cookies: () => string | null;
}
