/**
 * The backend the stories talk to, shared by `storybook dev`, the Vitest
 * `storybook` project and the server beside the static build:
 *
 * - `POST /api/databrain/token?user=<persona>&session=<id>`: the real
 *   `createGuestTokenHandler`; the persona is mapped to a tenant, filters,
 *   permissions and lifetime on the server (`personas.ts`).
 * - `POST /api/databrain/data?user=<persona>&session=<id>`: the real
 *   `createMetricDataHandler` for `useMetricData`; the persona's tenant and the
 *   filters of its token are the security filters (`metricDataGrant.ts`);
 *   the browser may choose `product` and `region`.
 * - `POST /api/databrain/outage?session=<id>&down=true|false`: switches the
 *   token and data endpoints off or on for one story session (personas with
 *   `outage`).
 * - `GET /api/databrain/mode`: `{ mode: 'emulator' | 'live' }`, nothing else.
 * - `/databrain-emulator/api/v2/dashboard…`: the emulator's preview routes,
 *   proxied under the page's origin (emulator mode only).
 *
 * Nothing it does reaches the dev server's error overlay: failures are
 * answered (500) at the middleware boundary, and a browser that hangs up, for
 * example a tab closed while the slow persona's token waits, ends its request
 * quietly.
 *
 * With `DATABRAIN_API_URL`, `DATABRAIN_API_KEY` and `DATABRAIN_DATA_APP` set,
 * tokens are minted by that DataBrain service instead and no emulator starts.
 * The key stays in this process: no route answers with it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { request as httpRequest } from 'node:http';
import { EMULATOR_API_KEY, EMULATOR_DATA_APP, startEmulator } from '@databrain-embed/emulator';
import {
  createDatabrainClient,
  createGuestTokenHandler,
  createMetricDataHandler,
  type GuestTokenGrant,
} from '@databrain-embed/server';
import { toNodeHandler } from '@databrain-embed/server/node';
import { readLiveSettings } from './liveMode.ts';
import { metricDataGrant } from './metricDataGrant.ts';
import { findPersona } from './personas.ts';
import {
  DATA_PATH,
  EMULATOR_PROXY_PREFIX,
  MODE_PATH,
  OUTAGE_PATH,
  type StoryBackendMode,
  TOKEN_PATH,
} from './routes.ts';

export type Middleware = (
  request: IncomingMessage,
  response: ServerResponse,
  next: (error?: unknown) => void,
) => void;

export interface StoryBackend {
  readonly mode: StoryBackendMode;
  /** The emulator's own URL (emulator mode only). */
  readonly emulatorUrl: string | undefined;
  /** Connect-style middleware; calls `next()` for every path it does not own. */
  readonly middleware: Middleware;
  close(): Promise<void>;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
  });
  response.end(text);
}

/** Forwards a preview request to the emulator, keeping method, headers and body. */
function proxyToEmulator(
  emulatorUrl: string,
  path: string,
  request: IncomingMessage,
  response: ServerResponse,
): void {
  const target = new URL(path, emulatorUrl);
  const upstream = httpRequest(
    target,
    { method: request.method ?? 'GET', headers: { ...request.headers, host: target.host } },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.on('error', () => response.destroy());
      answer.pipe(response);
    },
  );
  upstream.on('error', () => {
    if (clientGone(response)) return;
    if (!response.headersSent)
      sendJson(response, 502, { error: { code: 'BAD_GATEWAY', message: 'Emulator unreachable' } });
    else response.destroy();
  });
  // A closed tab ends the forwarded request too.
  response.on('close', () => {
    if (!response.writableFinished) upstream.destroy();
  });
  request.pipe(upstream);
}

/** The browser hung up (a tab closed, a fetch aborted): nobody is left to answer. */
function clientGone(response: ServerResponse): boolean {
  return (
    response.destroyed ||
    response.socket?.destroyed === true ||
    (response.closed && !response.writableFinished)
  );
}

/**
 * Answers a failure inside the story backend without handing it to the dev
 * server: Vite shows errors passed to `next` in its overlay, on top of every
 * story. A browser that went away gets nothing (and nothing is logged: a
 * closed tab is no error); anything else is logged once and answered 500.
 */
function answerFailure(response: ServerResponse, error: unknown): void {
  if (clientGone(response)) return;
  console.error('[story backend] request failed:', error instanceof Error ? error.message : error);
  if (response.headersSent) {
    response.destroy();
    return;
  }
  sendJson(response, 500, { error: { code: 'INTERNAL_ERROR', message: 'The story backend failed.' } });
}

/** Runs one step of a request; a synchronous throw is answered like any other failure. */
function guarded(step: () => void, response: ServerResponse): void {
  try {
    step();
  } catch (error) {
    answerFailure(response, error);
  }
}

/**
 * Starts the story backend: an emulator (unless live settings are given) and
 * the token handler minting from it.
 */
export async function startStoryBackend(env: NodeJS.ProcessEnv = process.env): Promise<StoryBackend> {
  const live = readLiveSettings(env);
  const mode: StoryBackendMode = live ? 'live' : 'emulator';
  // Every token request mints (no server-side reuse): the stories show the browser's side, where
  // a refresh must be visible as a new token. Reuse is the server's own feature, tested there.
  let emulator: { url: string; close(): Promise<void> } | undefined;
  let client: ReturnType<typeof createDatabrainClient>;
  let dataAppName: string;
  if (live) {
    client = createDatabrainClient({ apiKey: live.apiKey, baseUrl: live.apiUrl, tokenReuse: false });
    dataAppName = live.dataApp;
  } else {
    emulator = await startEmulator({ port: 0, host: '127.0.0.1' });
    client = createDatabrainClient({ apiKey: EMULATOR_API_KEY, baseUrl: emulator.url, tokenReuse: false });
    dataAppName = EMULATOR_DATA_APP;
  }

  const handler = createGuestTokenHandler({
    client,
    dataAppName,
    onError: (error) => console.error('[story backend] could not mint a guest token:', error),
    authorize: (request: Request): GuestTokenGrant | null => {
      const persona = findPersona(new URL(request.url).searchParams.get('user'));
      if (!persona) return null;
      const { label: _label, outage: _outage, delay: _delay, ...grant } = persona;
      return grant;
    },
  });
  const tokenEndpoint = toNodeHandler(handler);

  // The browser names the metric and the product or region; the persona decides the rest.
  const dataEndpoint = toNodeHandler(
    createMetricDataHandler({
      client,
      embedId: 'sales-overview',
      filters: { product: 'metricFilter', region: 'metricFilter' },
      // Every story asks DataBrain: a story's play function counts on fresh rows, and a test run
      // of all stories must not spend one persona's budget.
      reuse: false,
      budget: false,
      onError: (error) => console.error('[story backend] could not query a metric:', error),
      authorize: (request, query) => {
        const name = new URL(request.url).searchParams.get('user');
        const persona = findPersona(name);
        return persona && name ? metricDataGrant(name, persona, query) : null;
      },
    }),
  );

  /** Sessions whose token endpoint is switched off (personas with `outage`). */
  const restored = new Set<string>();

  const route: Middleware = (request, response, next) => {
    const url = new URL(request.url ?? '/', 'http://story.local');
    const { pathname, searchParams } = url;
    if (pathname === MODE_PATH && request.method === 'GET') {
      sendJson(response, 200, { mode });
      return;
    }
    if (pathname === OUTAGE_PATH && request.method === 'POST') {
      const session = searchParams.get('session');
      if (!session) {
        sendJson(response, 400, { error: { code: 'INVALID_REQUEST_BODY', message: 'Missing `session`.' } });
        return;
      }
      if (searchParams.get('down') === 'false') restored.add(session);
      else restored.delete(session);
      sendJson(response, 200, { session, down: !restored.has(session) });
      return;
    }
    if (pathname === DATA_PATH) {
      const persona = findPersona(searchParams.get('user'));
      if (persona?.outage && !restored.has(searchParams.get('session') ?? '')) {
        sendJson(response, 503, {
          error: {
            code: 'SERVICE_UNAVAILABLE',
            message: 'The data endpoint is down for this story session.',
          },
        });
        return;
      }
      dataEndpoint(request, response, (error) => answerFailure(response, error));
      return;
    }
    if (pathname === TOKEN_PATH) {
      const persona = findPersona(searchParams.get('user'));
      const session = searchParams.get('session') ?? '';
      if (persona?.outage && !restored.has(session)) {
        sendJson(response, 503, {
          error: {
            code: 'SERVICE_UNAVAILABLE',
            message: 'The token endpoint is down for this story session.',
          },
        });
        return;
      }
      // The endpoint's own failures end here, never in the dev server's `next`.
      const mint = () => tokenEndpoint(request, response, (error) => answerFailure(response, error));
      if (persona?.delay) {
        const late = setTimeout(() => {
          if (clientGone(response)) return;
          guarded(mint, response);
        }, persona.delay);
        // A tab closed while the slow backend "thinks" costs no token.
        response.on('close', () => clearTimeout(late));
      } else mint();
      return;
    }
    if (emulator && pathname.startsWith(`${EMULATOR_PROXY_PREFIX}/api/v2/dashboard`)) {
      proxyToEmulator(
        emulator.url,
        `${pathname.slice(EMULATOR_PROXY_PREFIX.length)}${url.search}`,
        request,
        response,
      );
      return;
    }
    next();
  };

  const middleware: Middleware = (request, response, next) => {
    // A request body cut off by a closed tab errors the request stream; without a
    // listener that error would be thrown. The response's own state tells what happened.
    request.on('error', () => {});
    guarded(() => route(request, response, next), response);
  };

  return {
    mode,
    emulatorUrl: emulator?.url,
    middleware,
    close: async () => {
      await emulator?.close();
    },
  };
}
