import { databrainTokenUrl } from '@databrain-embed/storybook';
import type { PersonaName } from '../../.storybook/databrain.ts';

/**
 * Asks the Storybook addon's token endpoint for a token as a provider's
 * `tokenEndpoint` does (POST, same-origin cookies), for a persona, or for a
 * name the config does not know (`'nobody'`: signed out).
 */
export function requestToken(persona: PersonaName | 'nobody', signal?: AbortSignal): Promise<Response> {
  return fetch(databrainTokenUrl({ persona }), {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: '{}',
    signal: signal ?? null,
  });
}
