import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One answer of a {@link startScriptedServer} server. */
export interface ScriptedAnswer {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

/** A running scripted server: its URL, what it received, and `close`. */
export interface ScriptedServer {
  url: string;
  /** Every request: method, path with query, headers (lower-case names), body text. */
  received: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[];
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 that answers with whatever `answer`
 * returns. Tests use it for answers the emulator never gives on its own
 * (every documented error code, bodies that are not JSON), so the client is
 * still exercised over real sockets rather than a replaced `fetch`.
 */
export async function startScriptedServer(
  answer: (request: { method: string; url: string; body: string }) => ScriptedAnswer,
): Promise<ScriptedServer> {
  const received: ScriptedServer['received'] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const entry = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(entry);
      const reply = answer(entry);
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
