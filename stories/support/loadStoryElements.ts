import { definePreviewElements } from '@databrain-embed/emulator/elements';

export type StoryMode = 'emulator' | 'live';

let mode: Promise<StoryMode> | undefined;

/** Asks the story backend whether it mints from the emulator or from DataBrain (the only thing it tells). */
export function storyMode(): Promise<StoryMode> {
  mode ??= fetch('/api/databrain/mode')
    .then((response) => response.json() as Promise<{ mode: StoryMode }>)
    .then((body) => body.mode)
    .catch((error: unknown) => {
      mode = undefined;
      throw error;
    });
  return mode;
}

/** Where the emulator's preview routes are proxied, on the page's own origin. */
export const EMULATOR_PREVIEW_URL = '/databrain-emulator';

/**
 * The stories' `loadElements`: the emulator's preview elements by default,
 * DataBrain's own elements in live mode.
 */
export async function loadStoryElements(): Promise<void> {
  if ((await storyMode()) === 'live') {
    await import('@databrainhq/plugin/web');
    return;
  }
  await definePreviewElements({ apiUrl: `${location.origin}${EMULATOR_PREVIEW_URL}` });
}
