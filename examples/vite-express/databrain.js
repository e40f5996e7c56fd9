// @ts-check

/**
 * Which elements the page renders: the emulator's preview elements, which
 * read the emulator at `apiUrl`, or DataBrain's own from @databrainhq/plugin.
 * @typedef {{ kind: 'preview', apiUrl: string } | { kind: 'databrain' }} ElementsChoice
 */

/**
 * Where tokens come from and what the page shows.
 * @typedef {object} DatabrainSetup
 * @property {string} apiUrl
 * @property {string} apiKey
 * @property {string} dataAppName
 * @property {ElementsChoice} elements
 * @property {() => Promise<void>} close
 */

/**
 * Real DataBrain when DATABRAIN_API_URL, DATABRAIN_API_KEY and
 * DATABRAIN_DATA_APP are all set; otherwise the local emulator (the one at
 * DATABRAIN_EMULATOR_URL, or one started here).
 * @returns {Promise<DatabrainSetup>}
 */
export async function connectDatabrain() {
  const { DATABRAIN_API_URL, DATABRAIN_API_KEY, DATABRAIN_DATA_APP, DATABRAIN_EMULATOR_URL } = process.env;
  if (DATABRAIN_API_URL && DATABRAIN_API_KEY && DATABRAIN_DATA_APP) {
    return {
      apiUrl: DATABRAIN_API_URL,
      apiKey: DATABRAIN_API_KEY,
      dataAppName: DATABRAIN_DATA_APP,
      elements: { kind: 'databrain' },
      close: async () => {},
    };
  }
  const { EMULATOR_API_KEY, EMULATOR_DATA_APP, startEmulator } = await import('@databrain-embed/emulator');
  const emulator = DATABRAIN_EMULATOR_URL ? undefined : await startEmulator({ port: 0 });
  const apiUrl = DATABRAIN_EMULATOR_URL ?? emulator?.url ?? '';
  return {
    apiUrl,
    apiKey: EMULATOR_API_KEY,
    dataAppName: EMULATOR_DATA_APP,
    elements: { kind: 'preview', apiUrl },
    close: async () => emulator?.close(),
  };
}
