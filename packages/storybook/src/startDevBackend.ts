import { createEmulatorHandler } from '@databrain-embed/emulator/handler';
import {
  createDatabrainClient,
  createGuestTokenHandler,
  createMetricDataHandler,
} from '@databrain-embed/server';
import { authorizeStoryDataRequest } from './authorizeStoryDataRequest.ts';
import { authorizeStoryRequest } from './authorizeStoryRequest.ts';
import { createStoryRoutes } from './createStoryRoutes.ts';
import type { ResolvedDatabrainStorybookConfig } from './DatabrainStorybookConfig.ts';
import { dataFiltersOf } from './dataFiltersOf.ts';
import { emulatorOptionsFor, STORY_EMULATOR_KEY } from './emulatorOptionsFor.ts';
import type { LiveSettings } from './readLiveSettings.ts';
import { withDefaultEmbed } from './withDefaultEmbed.ts';

/**
 * The backend `storybook dev` runs in its own process: the server package's
 * real `createGuestTokenHandler` and `createMetricDataHandler`, minting and querying from an in-process emulator (no
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

/** One log line per failure behind a 5xx answer of an endpoint: the message and code only. */
function logFailure(endpoint: 'token' | 'data') {
  return (error: unknown): void => {
    const code = (error as { code?: unknown } | null)?.code;
    const text = error instanceof Error ? error.message : String(error);
    console.error(
      `[databrain-embed] The Storybook ${endpoint} endpoint failed: ${text}${typeof code === 'string' ? ` (${code})` : ''}`,
    );
  };
}

/**
 * Starts the dev server's backend for a config: the emulator seeded with the
 * team's data app, embeds and rows (unless `live` is given), and the real
 * token and metric-data handlers whose `authorize` maps the request's persona to its grant.
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
    onError: logFailure('token'),
  });
  // The real metric-data handler over the same client: the persona decides the tenant and the
  // security filters; the browser chooses the allowed filters. Every request queries (no reuse,
  // no budget): a play function counts on fresh rows, and a run of every story spends no budget.
  const data = withDefaultEmbed(
    config,
    createMetricDataHandler({
      client,
      filters: dataFiltersOf(config),
      reuse: false,
      budget: false,
      authorize: (request, query) => authorizeStoryDataRequest(config, request, query),
      onError: logFailure('data'),
    }),
  );
  return {
    mode: live ? 'live' : 'emulator',
    route: createStoryRoutes(emulator ? { token, data, emulator: emulator.fetch } : { token, data }),
    close: () => emulator?.close(),
  };
}
