import { createEmulatorHandler } from '@databrain-embed/emulator/handler';
import { createDatabrainClient, createGuestTokenHandler } from '@databrain-embed/server';
import { authorizeStoryRequest } from './authorizeStoryRequest.ts';
import { createStoryRoutes } from './createStoryRoutes.ts';
import type { ResolvedDatabrainStorybookConfig } from './DatabrainStorybookConfig.ts';
import { emulatorOptionsFor, STORY_EMULATOR_KEY } from './emulatorOptionsFor.ts';
import type { LiveSettings } from './readLiveSettings.ts';

/**
 * The backend `storybook dev` runs in its own process: the server package's
 * real `createGuestTokenHandler`, minting from an in-process emulator (no
 * port at all) or, in live mode, from DataBrain.
 *
 * @example
 * ```ts
 * const backend = startDevBackend({ config });
 * const answer = backend.route(request) ?? next();
 * ```
 */
export interface DevBackend {
  readonly mode: 'emulator' | 'live';
  /** The answer for the addon's routes; `undefined` for every other request. */
  readonly route: (request: Request) => Promise<Response> | undefined;
  /** Cancels whatever the emulator still delays. */
  close(): void;
}

/** One log line per failure behind a 5xx answer: the message and code only. */
function logFailure(error: unknown): void {
  const code = (error as { code?: unknown } | null)?.code;
  const text = error instanceof Error ? error.message : String(error);
  console.error(
    `[databrain-embed] The Storybook token endpoint failed: ${text}${typeof code === 'string' ? ` (${code})` : ''}`,
  );
}

/**
 * Starts the dev server's backend for a config: the emulator seeded with the
 * team's data app, embeds and rows (unless `live` is given), and the real
 * token handler whose `authorize` maps the request's persona to its grant.
 * Every request mints (token reuse off): a refresh in a story shows a new
 * token, as the browser side should be seen.
 *
 * @example
 * ```ts
 * const backend = startDevBackend({ config, live: readLiveSettings(process.env) });
 * ```
 */
export function startDevBackend(options: {
  readonly config: ResolvedDatabrainStorybookConfig;
  readonly live?: LiveSettings | undefined;
}): DevBackend {
  const { config, live } = options;
  const emulator = live ? undefined : createEmulatorHandler(emulatorOptionsFor(config));
  const client = live
    ? createDatabrainClient({ apiKey: live.apiKey, baseUrl: live.apiUrl, tokenReuse: false })
    : createDatabrainClient({
        apiKey: STORY_EMULATOR_KEY,
        baseUrl: 'http://emulator.local',
        fetch: emulator?.fetch,
        tokenReuse: false,
      });
  const token = createGuestTokenHandler({
    client,
    dataAppName: live ? live.dataApp : config.dataAppName,
    authorize: (request) => authorizeStoryRequest(config, request),
    onError: logFailure,
  });
  return {
    mode: live ? 'live' : 'emulator',
    route: createStoryRoutes(emulator ? { token, emulator: emulator.fetch } : { token }),
    close: () => emulator?.close(),
  };
}
