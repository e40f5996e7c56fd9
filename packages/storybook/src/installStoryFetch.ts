import { DATABRAIN_DATA_PATH, DATABRAIN_TOKEN_PATH } from './addonPaths.ts';
import type { StoryActivity } from './createStoryActivity.ts';
import { isStoryRoute } from './createStoryRoutes.ts';

const INSTALLED = Symbol.for('databrain-embed.storyFetch');

type Fetch = typeof fetch & { [INSTALLED]?: true };

/** The URL a `fetch` call asks for, resolved against the page. */
function urlOf(input: RequestInfo | URL): URL {
  if (input instanceof Request) return new URL(input.url);
  return new URL(String(input), location.href);
}

/** The same request for another URL (its body read once: a stream cannot be handed on as it is). */
async function withUrl(request: Request, url: URL): Promise<Request> {
  const body = request.method === 'GET' || request.method === 'HEAD' ? null : await request.arrayBuffer();
  return new Request(url, {
    method: request.method,
    headers: request.headers,
    body,
    signal: request.signal,
    credentials: request.credentials,
  });
}

/** Reads an answer's body on the side: the token it carries, or the code of the error it reports. */
async function record(response: Response, isToken: boolean, activity: StoryActivity): Promise<void> {
  const body = (await response.json().catch(() => undefined)) as
    | { token?: unknown; expiresIn?: unknown; error?: { code?: unknown; message?: unknown } }
    | undefined;
  if (response.ok && isToken && typeof body?.token === 'string') {
    const expiresIn = typeof body.expiresIn === 'number' ? body.expiresIn : null;
    activity.tokenReceived(body.token, expiresIn === null ? null : Date.now() + expiresIn);
  } else if (!response.ok) {
    const code = typeof body?.error?.code === 'string' ? body.error.code : `HTTP_${response.status}`;
    const message = typeof body?.error?.message === 'string' ? body.error.message : '';
    activity.failed(code, message);
  }
}

/**
 * Puts the addon between the page and its `fetch` for the addon's own paths
 * on this origin (everything else goes straight through, untouched): a token
 * request without a persona gets the story's, each request is logged for the
 * DataBrain panel, and when `route` is given (a static build) it is answered
 * in the page instead of by a server. The
 * emulator's routes and the token route then run here, the same code the dev
 * server runs. Returns the function that puts the original `fetch` back.
 *
 * @example
 * ```ts
 * const uninstall = installStoryFetch({ activity, route: createStoryRoutes({ token, emulator: emulator.fetch }) });
 * ```
 */
export function installStoryFetch(options: {
  readonly activity: StoryActivity;
  readonly route?: ((request: Request) => Promise<Response> | undefined) | undefined;
}): () => void {
  const { activity, route } = options;
  const original = globalThis.fetch as Fetch;
  if (original[INSTALLED]) return () => {};
  const network = original.bind(globalThis);
  let count = 0;

  const storyFetch: Fetch = async (input, init) => {
    const url = urlOf(input);
    if (url.origin !== location.origin || !isStoryRoute(url.pathname)) return network(input, init);
    // A token or data request that names no persona (your own provider's) is for the story's: named
    // here, in this page, so stories rendering side by side (Vitest runs files in parallel) never mix them.
    const persona = activity.snapshot()?.persona.name;
    const personal = url.pathname === DATABRAIN_TOKEN_PATH || url.pathname === DATABRAIN_DATA_PATH;
    const named = !personal || url.searchParams.has('persona') || !persona;
    if (!named) url.searchParams.set('persona', persona);
    const request = named ? new Request(input, init) : await withUrl(new Request(input, init), url);
    const started = performance.now();
    const done = (status: number) =>
      activity.requestDone({
        id: ++count,
        method: request.method,
        path: `${url.pathname}${url.search}`,
        status,
        durationMs: Math.round(performance.now() - started),
        at: Date.now(),
      });
    try {
      const response = await (route?.(request) ?? network(request));
      done(response.status);
      void record(response.clone(), url.pathname === DATABRAIN_TOKEN_PATH, activity);
      return response;
    } catch (error) {
      done(0);
      throw error;
    }
  };
  storyFetch[INSTALLED] = true;
  globalThis.fetch = storyFetch;
  return () => {
    if (globalThis.fetch === storyFetch) globalThis.fetch = original;
  };
}
