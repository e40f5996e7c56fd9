import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { startStoryBackend } from '../../.storybook/tokenServer.ts';
import { serveFile } from '../serveFile.mjs';

export interface StaticStorybook {
  /** e.g. `http://127.0.0.1:41234`, no trailing slash. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves a built Storybook (`storybook build`) on 127.0.0.1 with the same
 * story backend `storybook dev` mounts: token endpoint, emulator proxy, mode.
 *
 * @example
 * ```ts
 * const storybook = await serveStaticStorybook({ dir: 'storybook-static' });
 * await page.goto(`${storybook.url}/iframe.html?id=dashboard--default&viewMode=story`);
 * await storybook.close();
 * ```
 */
export async function serveStaticStorybook(options: {
  dir: string;
  port?: number;
}): Promise<StaticStorybook> {
  const root = resolve(options.dir);
  const backend = await startStoryBackend();

  const server = createServer((request, response) => {
    backend.middleware(request, response, (error) => {
      if (error) {
        response.writeHead(500).end();
        return;
      }
      serveFile(root, request, response).catch(() => {
        if (!response.headersSent) response.writeHead(500);
        response.end();
      });
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await backend.close();
    },
  };
}
