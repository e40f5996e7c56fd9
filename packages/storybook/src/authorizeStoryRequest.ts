import { DATABRAIN_PERSONA_COOKIE } from './addonPaths.ts';
import type { ResolvedDatabrainStorybookConfig } from './DatabrainStorybookConfig.ts';
import { grantForPersona, type StoryGrant } from './grantForPersona.ts';
import { parseTokenOverrides } from './parseTokenOverrides.ts';

/** The value of one cookie in a `Cookie` header, or `null`. */
function cookieValue(cookies: string | null, name: string): string | null {
  for (const part of (cookies ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) {
      try {
        return decodeURIComponent(value.join('='));
      } catch {
        return null;
      }
    }
  }
  return null;
}

/**
 * The persona a token request is for: the `persona` query parameter (the
 * addon's own provider names it), else the persona cookie the addon sets
 * before each story (what your own provider's requests carry), else the
 * config's default persona.
 *
 * @example
 * ```ts
 * personaNameOf(new Request('http://sb.local/api/databrain/token?persona=acme-viewer'), null); // 'acme-viewer'
 * ```
 */
export function personaNameOf(request: Request, cookies: string | null): string | null {
  return new URL(request.url).searchParams.get('persona') ?? cookieValue(cookies, DATABRAIN_PERSONA_COOKIE);
}

/** The JSON object of a request body; an empty body is `{}`. */
async function bodyOf(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === '') return {};
  return JSON.parse(text) as unknown;
}

/**
 * The demo backend's `authorize`: maps the request's persona and the story's
 * token overrides (its JSON body) to a grant, or `null` (answered 401) for a
 * persona the config does not know. A real backend decides all of this from
 * its session instead; this one lets the browser choose, which is what a
 * Storybook is for and what no app may do.
 *
 * @example
 * ```ts
 * const handler = createGuestTokenHandler({ client, dataAppName,
 *   authorize: (request) => authorizeStoryRequest(config, request) });
 * ```
 */
export async function authorizeStoryRequest(
  config: ResolvedDatabrainStorybookConfig,
  request: Request,
  cookies: string | null = request.headers.get('cookie'),
): Promise<StoryGrant | null> {
  const name = personaNameOf(request, cookies) ?? config.defaultPersona;
  const persona = Object.hasOwn(config.personas, name) ? config.personas[name] : undefined;
  if (persona === undefined) return null;
  const overrides = parseTokenOverrides(await bodyOf(request), 'token request body');
  return grantForPersona(persona, overrides);
}
