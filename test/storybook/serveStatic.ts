import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { serveFile } from '../serveFile.mjs';

export interface StaticSite {
  /** e.g. `http://127.0.0.1:41234`, no trailing slash. */
  readonly url: string;
  /** Every request the server got, `METHOD /path?query`, oldest first. */
  readonly requests: readonly string[];
  close(): Promise<void>;
}

/**
 * Serves a folder as any static host does (GitHub Pages, a CDN): files only,
 * nothing else running. Every request is logged, so a test can show that the
 * token and preview routes never reached it.
 *
 * @example
 * ```ts
 * const site = await serveStatic('storybook-static');
 * await page.goto(`${site.url}/iframe.html?id=embedding-dashboard--default&viewMode=story`);
 * await site.close();
 * ```
 */
export async function serveStatic(dir: string): Promise<StaticSite> {
  const root = resolve(dir);
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(`${request.method ?? 'GET'} ${request.url ?? '/'}`);
    serveFile(root, request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
