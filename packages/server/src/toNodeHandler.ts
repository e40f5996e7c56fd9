import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

/**
 * A `node:http` request listener that is also Express middleware.
 *
 * @example
 * ```ts
 * import type { NodeHandler } from '@databrain-embed/server/node';
 * const listener: NodeHandler = toNodeHandler(handler);
 * ```
 */
export type NodeHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  next?: (error?: unknown) => void,
) => void;

function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(':')) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  return headers;
}

function toRequest(req: IncomingMessage, signal: AbortSignal): Request {
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
  const host = req.headers.host ?? 'localhost';
  const url = new URL(req.url ?? '/', `${encrypted ? 'https' : 'http'}://${host}`);
  const method = req.method ?? 'GET';
  const init: RequestInit & { duplex?: 'half' } = { method, headers: toHeaders(req), signal };
  // Express body parsers may already have read the stream; the body is then gone.
  const consumed = req.readableEnded || (req as { body?: unknown }).body !== undefined;
  if (method !== 'GET' && method !== 'HEAD' && !consumed) {
    init.body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
    init.duplex = 'half';
  }
  return new Request(url, init);
}

async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  res.statusCode = response.status;
  for (const [name, value] of response.headers) {
    if (name === 'set-cookie') continue;
    res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  const body = Buffer.from(await response.arrayBuffer());
  res.end(body);
}

/**
 * Adapts a Fetch-API handler, such as the one from `createGuestTokenHandler`,
 * to `node:http` and Express: builds a `Request` (method, headers, URL from
 * `Host`, body) and writes the `Response` back. A request whose client hangs
 * up aborts `request.signal`. Errors go to Express's `next` when given,
 * otherwise they are answered with a bare 500.
 *
 * @example
 * ```ts
 * import express from 'express';
 * import { toNodeHandler } from '@databrain-embed/server/node';
 *
 * const app = express();
 * app.post('/api/databrain-token', toNodeHandler(handler));
 * ```
 */
export function toNodeHandler(handler: (request: Request) => Promise<Response> | Response): NodeHandler {
  return (req, res, next) => {
    const hangUp = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) hangUp.abort();
    });
    const run = async (): Promise<void> => {
      const response = await handler(toRequest(req, hangUp.signal));
      await writeResponse(response, res);
    };
    run().catch((error: unknown) => {
      if (next) {
        next(error);
        return;
      }
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader('cache-control', 'no-store');
      }
      res.end();
    });
  };
}
