import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { tokenEndpointError } from './tokenEndpointResponses.ts';

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

/**
 * Options of {@link toNodeHandler}.
 *
 * @example
 * ```ts
 * import type { NodeHandlerOptions } from '@databrain-embed/server/node';
 * const options: NodeHandlerOptions = { allow: ['GET', 'POST'] };
 * ```
 */
export interface NodeHandlerOptions {
  /**
   * The methods the handler answers, sent as `Allow` with the 405 the
   * adapter gives methods a Fetch `Request` cannot carry (`CONNECT`,
   * `TRACE`, `TRACK`). Default `['POST']`, the token endpoint's method.
   */
  allow?: readonly string[];
}

// Methods the Fetch standard forbids: `new Request()` throws for them.
const FORBIDDEN_METHODS: ReadonlySet<string> = new Set(['CONNECT', 'TRACE', 'TRACK']);

function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(':')) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  return headers;
}

/** The request's URL, or `undefined` when its Host header does not parse. */
function toUrl(req: IncomingMessage): URL | undefined {
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
  const host = req.headers.host ?? 'localhost';
  const base = `${encrypted ? 'https' : 'http'}://${host}`;
  if (!URL.canParse(base)) return undefined;
  const url = new URL(req.url ?? '/', base);
  // A Host such as `a/b` parses, but as a host plus a path: not one host.
  const given = host.toLowerCase();
  return url.host === given || url.host === given.replace(/:(80|443)$/, '') ? url : undefined;
}

function toRequest(req: IncomingMessage, url: URL, signal: AbortSignal): Request {
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

async function writeResponse(response: Response, res: ServerResponse, hangUp: AbortSignal): Promise<void> {
  res.statusCode = response.status;
  for (const [name, value] of response.headers) {
    if (name === 'set-cookie') continue;
    res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  if (response.body === null) {
    res.end();
    return;
  }
  // Streamed, so that a hang-up mid-answer cancels the body instead of waiting for all of it.
  const reader = response.body.getReader();
  const cancel = (): void => {
    reader.cancel().catch(() => {});
  };
  hangUp.addEventListener('abort', cancel, { once: true });
  try {
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done || hangUp.aborted) break;
      if (!res.write(chunk.value)) await once(res, 'drain', { signal: hangUp });
    }
  } finally {
    hangUp.removeEventListener('abort', cancel);
  }
  if (!hangUp.aborted) res.end();
}

/**
 * Adapts a Fetch-API handler, such as the one from `createGuestTokenHandler`,
 * to `node:http` and Express: builds a `Request` (method, headers, URL from
 * `Host`, body) and writes the `Response` back.
 *
 * A client that hangs up at any moment aborts `request.signal` (so the
 * DataBrain call is cancelled) and is then left alone: nothing is thrown,
 * logged or passed to `next`. Methods a Fetch `Request` cannot carry
 * (`CONNECT`, `TRACE`) get a 405 with `Allow` (see `options.allow`), and a
 * `Host` that is no valid host a 400, both without calling the handler.
 * Other errors go to Express's `next` when given, otherwise they are
 * answered with a bare 500.
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
export function toNodeHandler(
  handler: (request: Request) => Promise<Response> | Response,
  options: NodeHandlerOptions = {},
): NodeHandler {
  const allow = (options.allow ?? ['POST']).join(', ');
  return (req, res, next) => {
    const hangUp = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) hangUp.abort();
    });
    // A body cut off by a hang-up errors the request stream; the abort above
    // already tells the handler, so the stream's error needs no listener of its own.
    req.on('error', () => {});

    const answer = async (): Promise<Response> => {
      const method = (req.method ?? 'GET').toUpperCase();
      if (FORBIDDEN_METHODS.has(method)) {
        return tokenEndpointError(405, 'METHOD_NOT_ALLOWED', `${method} requests are not supported here.`, {
          allow,
        });
      }
      const url = toUrl(req);
      if (url === undefined) {
        return tokenEndpointError(400, 'BAD_REQUEST', 'The Host header is not a valid host name.');
      }
      return handler(toRequest(req, url, hangUp.signal));
    };

    const run = async (): Promise<void> => {
      const response = await answer();
      if (hangUp.signal.aborted) {
        await response.body?.cancel();
        return;
      }
      await writeResponse(response, res, hangUp.signal);
    };

    run().catch((error: unknown) => {
      // After a hang-up every failure is the hang-up itself, with nobody to tell.
      if (hangUp.signal.aborted || res.destroyed) return;
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
