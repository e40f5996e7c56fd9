import type { IncomingMessage, ServerResponse } from 'node:http';
import { toNodeHandler } from '@databrain-embed/server/node';
import type { Plugin, ViteDevServer } from 'vite';
import { isStoryRoute } from './createStoryRoutes.ts';
import type { ResolvedDatabrainStorybookConfig } from './DatabrainStorybookConfig.ts';
import { type PreviewSettings, VIRTUAL_CONFIG_ID } from './previewSettings.ts';
import type { LiveSettings } from './readLiveSettings.ts';
import { type DevBackend, startDevBackend } from './startDevBackend.ts';

const RESOLVED_CONFIG_ID = `\0${VIRTUAL_CONFIG_ID}`;

/**
 * Pre-bundled before the first story, so a fresh npm app needs no Vite
 * settings and no story load is cut short by a reload:
 * - React: the optimizer otherwise finds `react-dom/client` but serves
 *   `react` itself as an ES module, and every story fails with "does not
 *   provide an export named 'default'";
 * - this package's main entry: `.storybook/databrain.ts` imports it through
 *   the virtual module, which the optimizer's first scan does not follow; found
 *   on the first page load instead, it made Vite reload that page.
 */
const PREBUNDLED = [
  'react',
  'react-dom',
  'react-dom/client',
  'react/jsx-runtime',
  'react/jsx-dev-runtime',
  '@databrain-embed/storybook',
];

/**
 * Options of {@link databrainVitePlugin}.
 */
export interface DatabrainVitePluginOptions {
  /** The team's config file, re-exported to the preview. */
  readonly configFile: string;
  readonly settings: PreviewSettings;
  /** The config as loaded at start; the dev backend is seeded from it. */
  readonly config: ResolvedDatabrainStorybookConfig;
  /** Loads and checks the config file again when it changes in `storybook dev`. */
  readonly reload: () => Promise<ResolvedDatabrainStorybookConfig>;
  readonly live?: LiveSettings | undefined;
}

/**
 * The Vite side of the addon:
 *
 * - `virtual:databrain-storybook` re-exports the team's config file and the
 *   preview settings, so the preview reads them without any alias;
 * - React is pre-bundled, so a fresh app needs no Vite settings;
 * - a build stays quiet about what is not the team's to fix: the `"use client"`
 *   directive of the react package (meant for React Server Components, no
 *   meaning in Storybook's bundle) and the size of DataBrain's own plugin,
 *   a lazy chunk of about 4.6 MB (unless the team set its own limit);
 * - in `storybook dev` (and Vitest), the dev backend answers the token
 *   endpoint and the preview routes on the dev server's own origin, and
 *   stops with it; a changed config file re-seeds it.
 *
 * @example
 * ```ts
 * viteConfig.plugins = [...(viteConfig.plugins ?? []), databrainVitePlugin({ configFile, settings, config, reload })];
 * ```
 */
/** DataBrain's own plugin is one lazy chunk of about 4.6 MB; the warning limit sits above it. */
const PLUGIN_CHUNK_KB = 5_000;

export function databrainVitePlugin(options: DatabrainVitePluginOptions): Plugin {
  const { configFile, settings, live } = options;
  const realElements = settings.mode === 'live' || settings.mode === 'static-live';
  return {
    name: 'databrain-embed:storybook',
    config: (userConfig) => ({
      ...(userConfig.build?.chunkSizeWarningLimit === undefined
        ? { build: { chunkSizeWarningLimit: PLUGIN_CHUNK_KB } }
        : {}),
      optimizeDeps: realElements
        ? { include: [...PREBUNDLED, '@databrainhq/plugin/web'] }
        : // DataBrain's own elements are never imported then: keep the optimizer from finding the plugin
          // mid-run (the react package names it in a lazy import) and reloading the page.
          { include: PREBUNDLED, exclude: ['@databrainhq/plugin'] },
    }),
    onLog: (_level, log) =>
      !(
        log.code === 'MODULE_LEVEL_DIRECTIVE' &&
        log.message.includes('"use client"') &&
        /[\\/]@databrain-embed[\\/]/.test(`${log.id ?? ''} ${log.message}`)
      ),
    resolveId: (id) => (id === VIRTUAL_CONFIG_ID ? RESOLVED_CONFIG_ID : undefined),
    load(id) {
      if (id !== RESOLVED_CONFIG_ID) return undefined;
      return [
        `export { default as config } from ${JSON.stringify(configFile)};`,
        `export const settings = ${JSON.stringify(settings)};`,
      ].join('\n');
    },
    configureServer(server) {
      if (settings.mode !== 'emulator' && settings.mode !== 'live') return;
      serveBackend(server, options, live);
    },
  };
}

/** Mounts the dev backend in Vite's dev server and keeps it for as long as the server runs. */
function serveBackend(
  server: ViteDevServer,
  options: DatabrainVitePluginOptions,
  live: LiveSettings | undefined,
) {
  let backend: DevBackend = startDevBackend({ config: options.config, live });
  // No `next`: a failure is answered here (500), never shown in Vite's error overlay over every story.
  const answer = toNodeHandler(
    (request) => backend.route(request) ?? Promise.resolve(new Response(null, { status: 404 })),
    { allow: ['GET', 'POST'] },
  );
  server.middlewares.use((req: IncomingMessage, res: ServerResponse, next: () => void) => {
    if (!isStoryRoute(new URL(req.url ?? '/', 'http://storybook.local').pathname)) {
      next();
      return;
    }
    answer(req, res);
  });

  server.watcher.add(options.configFile);
  server.watcher.on('change', (file) => {
    if (file !== options.configFile) return;
    options.reload().then(
      (config) => {
        backend.close();
        backend = startDevBackend({ config, live });
        server.config.logger.info('  DataBrain: personas and rows reloaded', { timestamp: true });
      },
      (error: unknown) =>
        server.config.logger.error(
          `  DataBrain: ${error instanceof Error ? error.message : String(error)}\n  The previous personas and rows stay in use.`,
        ),
    );
  });

  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    backend.close();
  };
  server.httpServer?.once('close', close);
  const closeServer = server.close.bind(server);
  server.close = async () => {
    close();
    await closeServer();
  };
  server.config.logger.info(
    backend.mode === 'live'
      ? '  DataBrain: live, tokens are minted by DATABRAIN_API_URL (the key stays in this process)'
      : `  DataBrain: emulator in the dev server; personas ${Object.keys(options.config.personas).join(', ')}`,
  );
}
