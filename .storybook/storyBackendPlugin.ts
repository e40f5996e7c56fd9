import { fileURLToPath } from 'node:url';
import type { Plugin, ViteDevServer } from 'vite';

type TokenServerModule = typeof import('./tokenServer.ts');

const tokenServerPath = fileURLToPath(new URL('./tokenServer.ts', import.meta.url));

/**
 * Mounts the story backend (`tokenServer.ts`: token endpoint, emulator proxy,
 * mode) in Vite's dev server, for `storybook dev` and for Vitest's browser
 * mode. The backend is loaded through the dev server's SSR loader, so the
 * workspace packages resolve to their sources (the `@databrain-embed/source`
 * condition in `ssr.resolve`), and only when a dev server starts, so
 * `storybook build` never starts an emulator.
 */
export function storyBackendPlugin(): Plugin {
  return {
    name: 'databrain-embed:story-backend',
    apply: 'serve',
    async configureServer(server: ViteDevServer) {
      const { startStoryBackend } = (await server.ssrLoadModule(tokenServerPath)) as TokenServerModule;
      const backend = await startStoryBackend();
      server.middlewares.use(backend.middleware);
      let closed = false;
      const close = async () => {
        if (closed) return;
        closed = true;
        await backend.close();
      };
      server.httpServer?.once('close', () => void close());
      const closeServer = server.close.bind(server);
      server.close = async () => {
        await close();
        await closeServer();
      };
      server.config.logger.info(
        backend.mode === 'live'
          ? '  DataBrain: live mode, tokens are minted by DATABRAIN_API_URL'
          : `  DataBrain: local emulator at ${backend.emulatorUrl ?? '?'}`,
      );
    },
  };
}
