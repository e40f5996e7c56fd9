import { EMULATOR_API_KEY, EMULATOR_DATA_APP } from '@databrain-embed/emulator';

/**
 * Which elements the page renders: the emulator's preview elements, which
 * read the emulator at `apiUrl`, or DataBrain's own from @databrainhq/plugin.
 */
export type ElementsChoice = { kind: 'preview'; apiUrl: string } | { kind: 'databrain' };

export interface DatabrainSetup {
  apiUrl: string;
  apiKey: string;
  dataAppName: string;
  elements: ElementsChoice;
  embeds: { dashboardId: string; metricId: string };
}

/**
 * Real DataBrain when DATABRAIN_API_URL, DATABRAIN_API_KEY and
 * DATABRAIN_DATA_APP are all set; otherwise the local emulator at
 * DATABRAIN_EMULATOR_URL (started by instrumentation.ts unless given).
 * Read at request time: `next build` runs with none of these set.
 */
export function databrainSetup(): DatabrainSetup {
  const { DATABRAIN_API_URL, DATABRAIN_API_KEY, DATABRAIN_DATA_APP, DATABRAIN_EMULATOR_URL } = process.env;
  const embeds = {
    dashboardId: process.env.DATABRAIN_DASHBOARD_ID ?? 'sales-overview',
    metricId: process.env.DATABRAIN_METRIC_ID ?? 'revenue',
  };
  if (DATABRAIN_API_URL && DATABRAIN_API_KEY && DATABRAIN_DATA_APP) {
    return {
      apiUrl: DATABRAIN_API_URL,
      apiKey: DATABRAIN_API_KEY,
      dataAppName: DATABRAIN_DATA_APP,
      elements: { kind: 'databrain' },
      embeds,
    };
  }
  const apiUrl = DATABRAIN_EMULATOR_URL ?? 'http://127.0.0.1:4555';
  return {
    apiUrl,
    apiKey: EMULATOR_API_KEY,
    dataAppName: EMULATOR_DATA_APP,
    elements: { kind: 'preview', apiUrl },
    embeds,
  };
}

/** Whether the app talks to real DataBrain (all three variables set). */
export function usesRealDatabrain(): boolean {
  return databrainSetup().elements.kind === 'databrain';
}
