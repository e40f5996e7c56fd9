/**
 * Starts the local emulator as DataBrain when the server starts, unless real
 * DataBrain is configured or DATABRAIN_EMULATOR_URL names a running one.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { DATABRAIN_API_URL, DATABRAIN_API_KEY, DATABRAIN_DATA_APP, DATABRAIN_EMULATOR_URL } = process.env;
  if ((DATABRAIN_API_URL && DATABRAIN_API_KEY && DATABRAIN_DATA_APP) || DATABRAIN_EMULATOR_URL) return;
  const { startEmulator } = await import('@databrain-embed/emulator');
  const emulator = await startEmulator({ port: 0 });
  process.env.DATABRAIN_EMULATOR_URL = emulator.url;
}
