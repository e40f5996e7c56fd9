import { EXPIRED_TOKEN_HEADER } from '@databrain-embed/core/token-endpoint';
import { createEmulatorHandler } from '@databrain-embed/emulator/handler';
import { personaNameOf } from './authorizeStoryRequest.ts';
import { createBrowserDataRoute } from './createBrowserDataRoute.ts';
import { createBrowserTokenRoute } from './createBrowserTokenRoute.ts';
import { createStoryRoutes } from './createStoryRoutes.ts';
import type { ResolvedDatabrainStorybookConfig } from './DatabrainStorybookConfig.ts';
import { emulatorOptionsFor, STORY_EMULATOR_KEY } from './emulatorOptionsFor.ts';
import type { PreviewSettings } from './previewSettings.ts';
import { withDefaultEmbed } from './withDefaultEmbed.ts';

/**
 * Sends a token request on to the team's own endpoint (a static Storybook
 * that goes live), naming the persona in its query. The original `fetch`
 * does it, so the request never comes back through the page's routes.
 */
function forwardTo(endpoint: string, network: typeof fetch, cookies: () => string | null) {
  return async (request: Request): Promise<Response> => {
    const target = new URL(endpoint, location.href);
    const persona = personaNameOf(request, cookies());
    if (persona !== null) target.searchParams.set('persona', persona);
    const expired = request.headers.get(EXPIRED_TOKEN_HEADER);
    return network(target, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'content-type': 'application/json',
        ...(expired ? { 'x-databrain-expired-token': expired } : {}),
      },
      body: await request.text(),
      signal: request.signal,
    });
  };
}

/**
 * The routes a static build answers inside the page, or `undefined` when a
 * server answers them (`storybook dev`): in `static` mode an emulator seeded
 * from the team's config with the browser token and data routes in front of
 * it; in `static-live` mode the token route forwards to the team's endpoint
 * (and no data route runs: the data endpoint answers 404).
 *
 * @example
 * ```ts
 * installStoryFetch({ activity, route: createPageRoutes(config, settings, () => document.cookie) });
 * ```
 */
export function createPageRoutes(
  config: ResolvedDatabrainStorybookConfig,
  settings: PreviewSettings,
  cookies: () => string | null,
): ((request: Request) => Promise<Response> | undefined) | undefined {
  if (settings.mode === 'static') {
    const emulator = createEmulatorHandler(emulatorOptionsFor(config));
    const routes = { config, emulator: emulator.fetch, apiKey: STORY_EMULATOR_KEY, cookies };
    return createStoryRoutes({
      token: createBrowserTokenRoute(routes),
      data: withDefaultEmbed(config, createBrowserDataRoute(routes)),
      emulator: emulator.fetch,
    });
  }
  if (settings.mode === 'static-live') {
    return createStoryRoutes({
      token: forwardTo(settings.tokenEndpoint, globalThis.fetch.bind(globalThis), cookies),
    });
  }
  return undefined;
}
