import { DatabrainError } from '@databrain-embed/core/errors';

/**
 * The variables that switch `storybook dev` from the emulator to a real
 * DataBrain service.
 *
 * @example
 * ```ts
 * import { LIVE_VARIABLES } from '@databrain-embed/storybook/preset';
 * LIVE_VARIABLES.every((name) => process.env[name]);
 * ```
 */
export const LIVE_VARIABLES = ['DATABRAIN_API_URL', 'DATABRAIN_API_KEY', 'DATABRAIN_DATA_APP'] as const;

/**
 * A real DataBrain service to mint from. The key stays in the dev server's
 * process: nothing the browser loads ever holds it.
 *
 * @example
 * ```ts
 * import type { LiveSettings } from '@databrain-embed/storybook/preset';
 * const live: LiveSettings = { apiUrl: 'https://api.usedatabrain.com', apiKey: process.env.DATABRAIN_API_KEY ?? '', dataApp: 'shop' };
 * ```
 */
export interface LiveSettings {
  readonly apiUrl: string;
  readonly apiKey: string;
  readonly dataApp: string;
}

/**
 * The live settings when all three variables are set, `undefined` when none
 * is. A partial set fails, naming the missing variables (never a value).
 *
 * @example
 * ```ts
 * import { readLiveSettings } from '@databrain-embed/storybook/preset';
 * const live = readLiveSettings(process.env); // undefined: the emulator it is
 * ```
 */
export function readLiveSettings(
  env: Readonly<Record<string, string | undefined>>,
): LiveSettings | undefined {
  const missing = LIVE_VARIABLES.filter((name) => !env[name]);
  if (missing.length === LIVE_VARIABLES.length) return undefined;
  const [apiUrl, apiKey, dataApp] = LIVE_VARIABLES.map((name) => env[name]);
  if (!apiUrl || !apiKey || !dataApp) {
    throw new DatabrainError(
      'VALIDATION_ERROR',
      `Live Storybook mode needs ${LIVE_VARIABLES.join(', ')}; missing: ${missing.join(', ')}. ` +
        'Set all three to mint real tokens, or none to use the local emulator.',
    );
  }
  return { apiUrl, apiKey, dataApp };
}
