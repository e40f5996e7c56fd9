/** The variables that switch the stories from the emulator to a real DataBrain service. */
export const LIVE_VARIABLES = ['DATABRAIN_API_URL', 'DATABRAIN_API_KEY', 'DATABRAIN_DATA_APP'] as const;

export interface LiveSettings {
  readonly apiUrl: string;
  readonly apiKey: string;
  readonly dataApp: string;
}

/** Live settings when all three variables are set, `undefined` when none is; throws on a partial set. */
export function readLiveSettings(env: NodeJS.ProcessEnv = process.env): LiveSettings | undefined {
  const missing = LIVE_VARIABLES.filter((name) => !env[name]);
  if (missing.length === LIVE_VARIABLES.length) return undefined;
  const [apiUrl, apiKey, dataApp] = LIVE_VARIABLES.map((name) => env[name]);
  if (!apiUrl || !apiKey || !dataApp) {
    throw new Error(
      `[databrain-embed] Live mode needs ${LIVE_VARIABLES.join(', ')}; missing: ${missing.join(', ')}. ` +
        'Unset all three to use the local emulator.',
    );
  }
  return { apiUrl, apiKey, dataApp };
}
