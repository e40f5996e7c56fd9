import { DatabrainError } from '@databrain-embed/core/errors';
import { readLiveSettings } from './readLiveSettings.ts';

/**
 * Where a story's tokens and data come from:
 *
 * - `emulator` (`storybook dev`, Vitest): the dev server mints from an
 *   in-process emulator with the real token handler; preview elements.
 * - `live` (`storybook dev` with the three `DATABRAIN_*` variables): the dev
 *   server mints from DataBrain with the key; DataBrain's own elements.
 * - `static` (`storybook build`): the page answers the token and preview
 *   routes itself, from the same emulator; preview elements. Any static host.
 * - `static-live` (`storybook build` with the addon option `tokenEndpoint`):
 *   tokens come from your own endpoint; DataBrain's own elements.
 *
 * @example
 * ```ts
 * import type { StorybookMode } from '@databrain-embed/storybook/preset';
 * const mode: StorybookMode = 'static';
 * ```
 */
export type StorybookMode = 'emulator' | 'live' | 'static' | 'static-live';

/**
 * Decides the mode from the command and the environment. A build never
 * bundles a key: with the live variables set and no `tokenEndpoint`, it
 * fails, saying how a static Storybook goes live. The message names the
 * variables, never their values.
 *
 * @example
 * ```ts
 * import { storybookMode } from '@databrain-embed/storybook/preset';
 * storybookMode({ command: 'build', env: process.env }); // 'static'
 * ```
 */
export function storybookMode(options: {
  readonly command: 'serve' | 'build';
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly tokenEndpoint?: string | undefined;
}): StorybookMode {
  const { command, env, tokenEndpoint } = options;
  if (command === 'serve') return readLiveSettings(env) ? 'live' : 'emulator';
  if (tokenEndpoint !== undefined) {
    if (!/^https?:\/\//.test(tokenEndpoint) && !tokenEndpoint.startsWith('/')) {
      throw new DatabrainError(
        'VALIDATION_ERROR',
        'The Storybook addon option tokenEndpoint must be an http(s) URL or an absolute path (https://…/api/databrain/token).',
      );
    }
    return 'static-live';
  }
  if (env.DATABRAIN_API_KEY || readLiveSettings(env)) {
    throw new DatabrainError(
      'VALIDATION_ERROR',
      'DATABRAIN_API_KEY is set, but a static Storybook cannot hold an API key: everything `storybook build` ' +
        'writes is served to every visitor. A static Storybook can only go live through your own token ' +
        // No "://" here: Storybook's terminal output would turn it into a link broken across lines.
        "endpoint: give the addon the option tokenEndpoint: '<the https URL of your endpoint>', which " +
        'answers { token, expiresIn }. Unset DATABRAIN_API_URL, DATABRAIN_API_KEY and DATABRAIN_DATA_APP ' +
        'to build with the emulator in the page instead.',
    );
  }
  return 'static';
}
