import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DATABRAIN_ENDPOINT_TABLE, type DatabrainEndpoint } from '@databrain-embed/core';
import { createEmulatorClock, type EmulatorClock } from './createEmulatorClock.ts';
import { createFaultInjector, type EmulatorFaults } from './createFaultInjector.ts';
import { EmulatorHttpError } from './EmulatorHttpError.ts';
import { EmulatorState } from './EmulatorState.ts';
import { DEFAULT_EMULATOR_SEED, type EmulatorSeed } from './emulatorSeed.ts';
import type { GuestTokenClaims } from './GuestTokenClaims.ts';
import { EMPTY_SEED, mergeSeed } from './mergeSeed.ts';
import { parseEmulatorOptions } from './parseEmulatorConfig.ts';
import { MAX_BODY_BYTES, readJsonBody } from './readJsonBody.ts';
import { apiTokensRoute } from './routes/apiTokensRoute.ts';
import { createControlRoutes } from './routes/controlRoutes.ts';
import { dataAppsRoute } from './routes/dataAppsRoute.ts';
import { datasourceRoute } from './routes/datasourceRoute.ts';
import { embedCreateRoute } from './routes/embedCreateRoute.ts';
import { embedListRoute } from './routes/embedListRoute.ts';
import { guestTokenRoute } from './routes/guestTokenRoute.ts';
import { metricListRoute } from './routes/metricListRoute.ts';
import { metricQueryRoute } from './routes/metricQueryRoute.ts';
import { dashboardPreviewRoute, metricPreviewRoute, PREVIEW_CORS_HEADERS } from './routes/previewRoute.ts';
import type { RouteHandlers } from './routes/RouteContext.ts';
import { workspaceRoute } from './routes/workspaceRoute.ts';
import type { StartEmulatorOptions } from './StartEmulatorOptions.ts';

/**
 * One answered (or dropped) request. No header values are kept, so the log
 * never holds a credential. `status` is `0` when a fault dropped the
 * connection.
 *
 * @example
 * ```ts
 * emulator.requests.filter((entry) => entry.path === '/api/v2/guest-token/create').length;
 * ```
 */
export interface EmulatorRequestLogEntry {
  readonly method: string;
  readonly path: string;
  readonly status: number;
}

/**
 * A running emulator.
 *
 * @example
 * ```ts
 * const emulator = await startEmulator();
 * const response = await fetch(`${emulator.url}/api/v2/guest-token/create`, { method: 'POST', ... });
 * await emulator.close();
 * ```
 */
export interface RunningEmulator {
  /** Base URL, e.g. `http://127.0.0.1:4555`, without a trailing slash. */
  readonly url: string;
  readonly port: number;
  readonly host: string;
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
  /** Every request so far, oldest first (CORS preflights included). */
  readonly requests: readonly EmulatorRequestLogEntry[];
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

// Read cross-origin by the preview elements, so answered with CORS headers.
const PREVIEW_ROUTES: ReadonlyMap<string, RouteHandlers> = new Map<string, RouteHandlers>([
  ['/api/v2/dashboard', dashboardPreviewRoute],
  ['/api/v2/dashboard/embeddedMetric', metricPreviewRoute],
]);

// One handler per endpoint of core's table (the type makes a new endpoint
// there fail to compile here until it is served); paths and methods come
// from the table, the one the client sends by.
const ENDPOINT_ROUTES: Readonly<Record<DatabrainEndpoint, RouteHandlers>> = {
  guestToken: guestTokenRoute,
  workspace: workspaceRoute,
  datasource: datasourceRoute,
  apiTokens: apiTokensRoute,
  apiTokensLegacy: apiTokensRoute,
  dataApps: dataAppsRoute,
  metricQuery: metricQueryRoute,
  metricList: metricListRoute,
  embedList: embedListRoute,
  embedCreate: embedCreateRoute,
};

function tableRoute(endpoint: DatabrainEndpoint): [string, RouteHandlers] {
  const { method, path } = DATABRAIN_ENDPOINT_TABLE[endpoint];
  const handler = ENDPOINT_ROUTES[endpoint][method];
  if (handler === undefined) throw new Error(`The emulator has no ${method} handler for ${path}`);
  return [path, { [method]: handler }];
}

// Endpoints sharing a path (the embed list and create) share its route, one method each.
const ROUTES: ReadonlyMap<string, RouteHandlers> = new Map<string, RouteHandlers>([
  ...(Object.keys(ENDPOINT_ROUTES) as DatabrainEndpoint[])
    .map(tableRoute)
    .reduce((byPath, [path, handlers]) => byPath.set(path, { ...byPath.get(path), ...handlers }), new Map()),
  ...PREVIEW_ROUTES,
]);

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  if (response.headersSent || response.destroyed) return;
  const text = body === undefined ? '' : JSON.stringify(body);
  response.writeHead(status, {
    ...headers,
    ...(body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
    'content-length': String(Buffer.byteLength(text)),
  });
  response.end(text);
}

const errorBody = (code: string, message: string) => ({ error: { code, message } });

function sendError(response: ServerResponse, error: unknown, cors: Readonly<Record<string, string>>): void {
  if (error instanceof EmulatorHttpError) {
    send(response, error.status, errorBody(error.code, error.message), { ...cors, ...error.headers });
  } else {
    // Unexpected errors are answered generically: their text could
    // contain request data.
    send(response, 500, errorBody('INTERNAL_SERVER_ERROR', 'Internal server error.'), cors);
  }
}

/**
 * Starts a local DataBrain on real HTTP. It speaks the documented REST
 * contract (guest tokens, workspaces, datasources, data-app API keys, data
 * app list) plus the two routes DataBrain's elements read, holds its state in
 * memory, and can inject faults for tests.
 *
 * @example
 * ```ts
 * import { EMULATOR_API_KEY, startEmulator } from '@databrain-embed/emulator';
 * const emulator = await startEmulator({ port: 0 });
 * const response = await fetch(`${emulator.url}/api/v2/guest-token/create`, {
 *   method: 'POST',
 *   headers: { authorization: `Bearer ${EMULATOR_API_KEY}`, 'content-type': 'application/json' },
 *   body: JSON.stringify({ clientId: 'acme', dataAppName: 'demo-app' }),
 * });
 * const { token } = await response.json();
 * await emulator.close();
 * ```
 */
export async function startEmulator(given: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  // Checked by the config file's rules before anything listens.
  const options = parseEmulatorOptions(given);
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
  const timers = new Set<NodeJS.Timeout>();
  // Test controls: answered before faults and kept out of the request log.
  const controlRoutes = createControlRoutes({ clock, faults, state, requests: () => requests });

  const delay = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? 'GET';
    const url = new URL(request.url ?? '/', 'http://emulator.local');
    const path = url.pathname;
    const control = controlRoutes.get(path);
    if (control) {
      await answer(control, request, response, url, {});
      return;
    }
    let dropped = false;
    response.on('close', () => {
      requests.push({ method, path, status: dropped ? 0 : response.statusCode });
    });
    const isPreview = PREVIEW_ROUTES.has(path);
    const cors = isPreview ? PREVIEW_CORS_HEADERS : {};
    try {
      if (method === 'OPTIONS' && isPreview) {
        send(response, 204, undefined, cors);
        return;
      }
      const decision = faults.decide(path);
      if (decision.delayMs > 0) await delay(decision.delayMs);
      if (decision.outcome.kind === 'drop') {
        dropped = true;
        request.socket.destroy();
        return;
      }
      if (decision.outcome.kind === 'status') {
        const { status, retryAfter } = decision.outcome;
        if (status === 429) {
          throw new EmulatorHttpError(
            429,
            'RATE_LIMIT_EXCEEDED',
            'Too many requests (injected fault).',
            retryAfter === null ? {} : { 'retry-after': String(retryAfter) },
          );
        }
        const message =
          status === 503
            ? 'Service unavailable (injected fault).'
            : 'Internal server error (injected fault).';
        throw new EmulatorHttpError(status, 'INTERNAL_SERVER_ERROR', message);
      }
      const route = ROUTES.get(path);
      if (!route) throw new EmulatorHttpError(404, 'NOT_FOUND', 'No such endpoint.');
      await answer(route, request, response, url, cors);
    } catch (error) {
      sendError(response, error, cors);
    }
  }

  /** Runs the route's handler for the request's method and sends its answer or error. */
  async function answer(
    route: RouteHandlers,
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    cors: Readonly<Record<string, string>>,
  ): Promise<void> {
    try {
      const method = request.method ?? 'GET';
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
      send(response, result.status, result.body, cors);
    } catch (error) {
      sendError(response, error, cors);
    }
  }

  const server = createServer((request, response) => {
    void handle(request, response);
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  const apiKeys: Record<string, string> = {};
  for (const app of seed.dataApps) {
    const [first] = app.apiKeys;
    if (first !== undefined) apiKeys[app.name] = first;
  }

  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    host,
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
      closing ??= new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
