import { DATABRAIN_DATA_PATH, DATABRAIN_PREVIEW_PATH, DATABRAIN_TOKEN_PATH } from './addonPaths.ts';
import { jsonAnswer } from './jsonAnswer.ts';
import { simulateEndpoint } from './simulateEndpoint.ts';

/** The emulator's routes the preview elements read, served under {@link DATABRAIN_PREVIEW_PATH}. */
const PREVIEW_ROUTES: ReadonlySet<string> = new Set([
  '/api/v2/dashboard',
  '/api/v2/dashboard/embeddedMetric',
]);

/**
 * Whether a path is one of the addon's: the token and data endpoints or anything under
 * the preview prefix. Lets an adapter pass every other request on before
 * building a `Request` for it.
 *
 * @example
 * ```ts
 * isStoryRoute('/api/databrain/token'); // true
 * isStoryRoute('/iframe.html'); // false
 * ```
 */
export function isStoryRoute(pathname: string): boolean {
  return (
    pathname === DATABRAIN_TOKEN_PATH ||
    pathname === DATABRAIN_DATA_PATH ||
    pathname.startsWith(`${DATABRAIN_PREVIEW_PATH}/`)
  );
}

/**
 * What answers the addon's routes: the token endpoint, the metric-data
 * endpoint and, in emulator mode, the emulator's preview routes. All are Fetch-standard, so the dev server
 * (through `toNodeHandler`) and a static build's page run the same code.
 */
export interface StoryRouteHandlers {
  /** Answers `POST` {@link DATABRAIN_TOKEN_PATH}. */
  readonly token: (request: Request) => Promise<Response>;
  /** Answers `POST` {@link DATABRAIN_DATA_PATH}; absent where no data endpoint runs (answered 404). */
  readonly data?: ((request: Request) => Promise<Response>) | undefined;
  /** The emulator; absent in live mode, where DataBrain's own elements read DataBrain. */
  readonly emulator?: (request: Request) => Promise<Response>;
}

/**
 * Routes one request of the Storybook's origin: the answer for the addon's
 * paths, or `undefined` (at once, without reading anything) for every other
 * request, which the caller passes on (to Vite, or to the network).
 *
 * @example
 * ```ts
 * const route = createStoryRoutes({ token: tokenHandler, emulator: emulator.fetch });
 * const answer = route(request);
 * if (answer === undefined) next();
 * ```
 */
export function createStoryRoutes(
  handlers: StoryRouteHandlers,
): (request: Request) => Promise<Response> | undefined {
  // One story parameter (`endpoint: { delayMs, status }`) makes both of the app's endpoints slow or failing.
  const token = simulateEndpoint(handlers.token);
  const data = handlers.data ? simulateEndpoint(handlers.data) : undefined;
  const { emulator } = handlers;
  return (request) => {
    const url = new URL(request.url);
    if (!isStoryRoute(url.pathname)) return undefined;
    if (url.pathname === DATABRAIN_TOKEN_PATH) return token(request);
    if (url.pathname === DATABRAIN_DATA_PATH) {
      return (
        data?.(request) ??
        Promise.resolve(
          jsonAnswer(404, {
            error: { code: 'NOT_FOUND', message: 'This Storybook serves no metric data (it goes live).' },
          }),
        )
      );
    }
    const path = url.pathname.slice(DATABRAIN_PREVIEW_PATH.length);
    if (!emulator || !PREVIEW_ROUTES.has(path)) {
      return Promise.resolve(
        jsonAnswer(404, { error: { code: 'NOT_FOUND', message: 'No such preview route.' } }),
      );
    }
    // Only the path and query matter to the emulator; method, headers and signal go along.
    return emulator(new Request(new URL(`${path}${url.search}`, 'http://emulator.local'), request));
  };
}
