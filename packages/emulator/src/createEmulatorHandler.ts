import { createEmulatorClock, type EmulatorClock } from './createEmulatorClock.ts';
import { createFaultInjector, type EmulatorFaults } from './createFaultInjector.ts';
import type { EmulatorHandlerOptions } from './EmulatorHandlerOptions.ts';
import { EmulatorHttpError } from './EmulatorHttpError.ts';
import type { EmulatorRequestLogEntry } from './EmulatorRequestLogEntry.ts';
import { EmulatorState } from './EmulatorState.ts';
import { DEFAULT_EMULATOR_SEED, type EmulatorSeed } from './emulatorSeed.ts';
import type { GuestTokenClaims } from './GuestTokenClaims.ts';
import { EMPTY_SEED, mergeSeed } from './mergeSeed.ts';
import { parseEmulatorHandlerOptions } from './parseEmulatorConfig.ts';
import { MAX_BODY_BYTES, readJsonBody } from './readJsonBody.ts';
import { createControlRoutes } from './routes/controlRoutes.ts';
import { PREVIEW_ROUTES, ROUTES } from './routes/emulatorRoutes.ts';
import { PREVIEW_CORS_HEADERS } from './routes/previewRoute.ts';
import type { RouteHandlers } from './routes/RouteContext.ts';

/**
 * The emulator as one Fetch-standard function plus its controls: no server,
 * no socket, nothing of Node. `startEmulator` serves it over node:http; a
 * browser page (a static Storybook, a demo) calls it in-process.
 *
 * @example
 * ```ts
 * import { createEmulatorHandler, EMULATOR_API_KEY } from '@databrain-embed/emulator/handler';
 * const emulator = createEmulatorHandler();
 * const response = await emulator.fetch('http://emulator.local/api/v2/guest-token/create', {
 *   method: 'POST',
 *   headers: { authorization: `Bearer ${EMULATOR_API_KEY}`, 'content-type': 'application/json' },
 *   body: JSON.stringify({ clientId: 'acme', dataAppName: 'demo-app' }),
 * });
 * emulator.close();
 * ```
 */
export interface EmulatorHandler {
  /**
   * Answers one request as the emulator over HTTP would; only the path and
   * query of its URL matter, so any origin works (`http://emulator.local`).
   * Takes what the global `fetch` takes and is bound, so it can stand in for
   * it (`createDatabrainClient({ fetch: emulator.fetch, baseUrl, apiKey })`).
   * A `drop` fault rejects with a `TypeError`, as a dropped connection does;
   * aborting the request's `signal` ends a latency delay early and rejects
   * with the signal's reason.
   */
  readonly fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  /** The seed the emulator started from (default seed plus options). */
  readonly seed: EmulatorSeed;
  /** Data app name → its first seeded API key. */
  readonly apiKeys: Readonly<Record<string, string>>;
  /** Service tokens accepted at start. */
  readonly serviceTokens: readonly string[];
  /** The claims of a guest token this emulator issued, or `undefined`. */
  getTokenClaims(token: string): GuestTokenClaims | undefined;
  readonly faults: EmulatorFaults;
  /** The clock tokens are issued and expire by; move it instead of sleeping. */
  readonly clock: EmulatorClock;
  /**
   * Every request so far, oldest first (CORS preflights included, control
   * routes not); `status` 0 when no answer went out (a `drop` fault, or a
   * request aborted first).
   */
  readonly requests: readonly EmulatorRequestLogEntry[];
  /**
   * Cancels pending latency delays: the requests waiting on them reject with
   * a `TypeError`, as do later calls of `fetch`.
   */
  close(): void;
}

const NO_HEADERS: Readonly<Record<string, string>> = {};

function jsonResponse(status: number, body: unknown, headers: Readonly<Record<string, string>>): Response {
  if (body === undefined) return new Response(null, { status, headers });
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...headers, 'content-type': 'application/json; charset=utf-8' },
  });
}

const errorBody = (code: string, message: string) => ({ error: { code, message } });

function errorResponse(error: unknown, cors: Readonly<Record<string, string>>): Response {
  if (error instanceof EmulatorHttpError) {
    return jsonResponse(error.status, errorBody(error.code, error.message), { ...cors, ...error.headers });
  }
  // Unexpected errors are answered generically: their text could contain
  // request data.
  return jsonResponse(500, errorBody('INTERNAL_SERVER_ERROR', 'Internal server error.'), cors);
}

function faultError(status: 500 | 503 | 429, retryAfter: number | null): EmulatorHttpError {
  if (status === 429) {
    return new EmulatorHttpError(
      429,
      'RATE_LIMIT_EXCEEDED',
      'Too many requests (injected fault).',
      retryAfter === null ? {} : { 'retry-after': String(retryAfter) },
    );
  }
  const message =
    status === 503 ? 'Service unavailable (injected fault).' : 'Internal server error (injected fault).';
  return new EmulatorHttpError(status, 'INTERNAL_SERVER_ERROR', message);
}

/**
 * Creates the emulator as a Fetch-standard handler (`Request` → `Response`):
 * the documented REST contract (guest tokens, workspaces, datasources,
 * data-app API keys, data app list), the two preview routes DataBrain's
 * elements read, the test-control routes (`/__emulator/*`), faults, latency
 * and the request log, all in memory. Its imports are free of `node:*`, so it
 * runs in a browser page as well as behind `startEmulator`.
 *
 * @example
 * ```ts
 * import { createEmulatorHandler } from '@databrain-embed/emulator/handler';
 * import { createDatabrainClient } from '@databrain-embed/server';
 * const emulator = createEmulatorHandler();
 * const client = createDatabrainClient({
 *   fetch: emulator.fetch,
 *   baseUrl: 'http://emulator.local',
 *   apiKey: emulator.apiKeys['demo-app'],
 * });
 * ```
 */
export function createEmulatorHandler(given: EmulatorHandlerOptions = {}): EmulatorHandler {
  // Checked by the config file's rules before anything is served.
  const options = parseEmulatorHandlerOptions(given);
  const seed = mergeSeed(
    options.includeDefaultSeed === false ? EMPTY_SEED : DEFAULT_EMULATOR_SEED,
    options.seed ?? {},
  );
  const clock = createEmulatorClock(options.now ?? Date.now);
  const now = clock.now;
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const state = new EmulatorState(seed, new Date(now()).toISOString());
  const faults = createFaultInjector();
  const requests: EmulatorRequestLogEntry[] = [];
  // Test controls: answered before faults and kept out of the request log.
  const controlRoutes = createControlRoutes({ clock, faults, state, requests: () => requests });
  // Pending latency delays, each with the way to fail it on close.
  const delays = new Map<ReturnType<typeof setTimeout>, (error: Error) => void>();
  let closed = false;

  const closedError = () => new TypeError('The emulator is closed.');

  /** Waits `ms`, or less when the request is aborted (its caller then gets no answer anyway). */
  const delay = (ms: number, signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        delays.delete(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      delays.set(timer, reject);
      signal.addEventListener('abort', done);
    });

  /** Runs the route's handler for the request's method; errors become their answer. */
  async function answer(
    route: RouteHandlers,
    request: Request,
    url: URL,
    cors: Readonly<Record<string, string>>,
  ): Promise<Response> {
    try {
      const { method } = request;
      const handler = method === 'GET' || method === 'POST' ? route[method] : undefined;
      if (!handler) {
        const allow = Object.keys(route).join(', ');
        throw new EmulatorHttpError(405, 'METHOD_NOT_ALLOWED', `Use ${allow} on this endpoint.`, { allow });
      }
      const result = await handler({
        request,
        url,
        state,
        now,
        json: () => readJsonBody(request, maxBodyBytes),
      });
      return jsonResponse(result.status, result.body, cors);
    } catch (error) {
      return errorResponse(error, cors);
    }
  }

  /** The answer to one request, or `undefined` when a fault drops it. */
  async function respond(request: Request): Promise<Response | undefined> {
    const url = new URL(request.url);
    const path = url.pathname;
    const control = controlRoutes.get(path);
    if (control) return answer(control, request, url, NO_HEADERS);
    const isPreview = PREVIEW_ROUTES.has(path);
    const cors = isPreview ? PREVIEW_CORS_HEADERS : NO_HEADERS;
    if (request.method === 'OPTIONS' && isPreview) return jsonResponse(204, undefined, cors);
    const decision = faults.decide(path);
    if (decision.delayMs > 0) await delay(decision.delayMs, request.signal);
    if (decision.outcome.kind === 'drop') return undefined;
    if (decision.outcome.kind === 'status') {
      return errorResponse(faultError(decision.outcome.status, decision.outcome.retryAfter), cors);
    }
    const route = ROUTES.get(path);
    if (!route) return errorResponse(new EmulatorHttpError(404, 'NOT_FOUND', 'No such endpoint.'), cors);
    return answer(route, request, url, cors);
  }

  async function fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    if (closed) throw closedError();
    const path = new URL(request.url).pathname;
    const response = await respond(request);
    // An aborted request got no answer, like a dropped one: logged with status 0.
    const aborted = request.signal.aborted;
    if (!controlRoutes.has(path)) {
      requests.push({ method: request.method, path, status: aborted ? 0 : (response?.status ?? 0) });
    }
    // What a browser's and Node's fetch do when aborted, or when the connection closes unanswered.
    if (aborted) throw request.signal.reason;
    if (response === undefined)
      throw new TypeError('Failed to fetch: the emulator dropped the connection (injected fault).');
    return response;
  }

  const apiKeys: Record<string, string> = {};
  for (const app of seed.dataApps) {
    const [first] = app.apiKeys;
    if (first !== undefined) apiKeys[app.name] = first;
  }

  return {
    fetch,
    seed,
    apiKeys,
    serviceTokens: [...seed.serviceTokens],
    getTokenClaims: (token) => state.tokens.get(token),
    faults: {
      add: (fault) => faults.add(fault),
      clear: () => faults.clear(),
      pending: () => faults.pending(),
    },
    clock,
    requests,
    close() {
      closed = true;
      for (const [timer, fail] of delays) {
        clearTimeout(timer);
        fail(closedError());
      }
      delays.clear();
    },
  };
}
