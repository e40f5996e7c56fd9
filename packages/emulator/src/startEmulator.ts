import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEmulatorHandler, type EmulatorHandler } from './createEmulatorHandler.ts';
import { parseEmulatorOptions } from './parseEmulatorConfig.ts';
import type { StartEmulatorOptions } from './StartEmulatorOptions.ts';

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
export interface RunningEmulator
  extends Pick<
    EmulatorHandler,
    'seed' | 'apiKeys' | 'serviceTokens' | 'getTokenClaims' | 'faults' | 'clock' | 'requests'
  > {
  /** Base URL, e.g. `http://127.0.0.1:4555`, without a trailing slash. */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  /** The Fetch-standard handler this server serves; calling its `fetch` skips the network. */
  readonly handler: EmulatorHandler;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

// Past this an unread body is cut instead of drained, so a runaway upload
// cannot keep the emulator busy.
const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * The body of a Node request as a Fetch stream, read only when the handler
 * reads it. Cancelling it (a body over the size limit) drains the rest
 * instead of destroying the socket, so the client receives the 413.
 */
function bodyStream(message: IncomingMessage): ReadableStream<Uint8Array> {
  let chunks: AsyncIterator<Buffer> | undefined;
  const next = () => {
    chunks ??= message[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    return chunks.next();
  };
  let size = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const chunk = await next();
        if (chunk.done) {
          controller.close();
          return;
        }
        size += chunk.value.length;
        controller.enqueue(new Uint8Array(chunk.value.buffer, chunk.value.byteOffset, chunk.value.length));
      },
      async cancel() {
        try {
          for (let chunk = await next(); !chunk.done; chunk = await next()) {
            size += chunk.value.length;
            if (size > DRAIN_LIMIT_BYTES) {
              message.destroy();
              return;
            }
          }
        } catch {
          // The client went away; there is nothing left to drain.
        }
      },
    },
    { highWaterMark: 0 },
  );
}

/** The Fetch `Request` a Node request stands for; `signal` aborts when the client goes away unanswered. */
function toRequest(message: IncomingMessage, origin: string, signal: AbortSignal): Request {
  const headers = new Headers();
  const raw = message.rawHeaders;
  for (let index = 0; index + 1 < raw.length; index += 2) {
    headers.append(raw[index] as string, raw[index + 1] as string);
  }
  const method = message.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  // `duplex` is required by Node's fetch for a streamed body and unknown to the DOM types.
  const init = { method, headers, signal, ...(hasBody ? { body: bodyStream(message), duplex: 'half' } : {}) };
  return new Request(new URL(message.url ?? '/', origin), init as RequestInit);
}

async function writeResponse(response: Response, target: ServerResponse): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  if (target.headersSent || target.destroyed) return;
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  target.writeHead(response.status, { ...headers, 'content-length': String(body.length) });
  target.end(body);
}

/**
 * Starts a local DataBrain on real HTTP: a thin node:http adapter over
 * `createEmulatorHandler`. It speaks the documented REST contract (guest
 * tokens, workspaces, datasources, data-app API keys, data app list) plus the
 * two routes DataBrain's elements read, holds its state in memory, and can
 * inject faults for tests; a `drop` fault destroys the socket.
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
  const { host = '127.0.0.1', port: wantedPort = 0, ...handlerOptions } = parseEmulatorOptions(given);
  const handler = createEmulatorHandler(handlerOptions);
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let origin = `http://${urlHost}`;

  async function serve(message: IncomingMessage, response: ServerResponse): Promise<void> {
    // A client that hangs up (e.g. during injected latency) aborts its request, as in a browser.
    const hangUp = new AbortController();
    response.once('close', () => {
      if (!response.writableFinished) hangUp.abort();
    });
    let answer: Response;
    try {
      answer = await handler.fetch(toRequest(message, origin, hangUp.signal));
    } catch {
      // A dropped connection, a client gone, or an emulator closing mid-delay: no answer at all.
      message.socket.destroy();
      return;
    }
    await writeResponse(answer, response);
  }

  const server = createServer((message, response) => {
    void serve(message, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(wantedPort, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${urlHost}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url: origin,
    port,
    host,
    seed: handler.seed,
    apiKeys: handler.apiKeys,
    serviceTokens: handler.serviceTokens,
    getTokenClaims: (token) => handler.getTokenClaims(token),
    faults: handler.faults,
    clock: handler.clock,
    requests: handler.requests,
    handler,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        handler.close();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
