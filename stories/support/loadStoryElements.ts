import { definePreviewElements } from '@databrain-embed/emulator/elements';
import { EMULATOR_PROXY_PREFIX, MODE_PATH, type StoryBackendMode } from '../../.storybook/routes.ts';

let mode: Promise<StoryBackendMode> | undefined;

/** Asks the story backend whether it mints from the emulator or from DataBrain (the only thing it tells). */
function storyMode(): Promise<StoryBackendMode> {
  mode ??= fetch(MODE_PATH)
    .then((response) => response.json() as Promise<{ mode: StoryBackendMode }>)
    .then((body) => body.mode)
    .catch((error: unknown) => {
      mode = undefined;
      throw error;
    });
  return mode;
}

/**
 * The stories' `loadElements`: the emulator's preview elements (proxied on the
 * page's own origin) by default, DataBrain's own elements in live mode.
 */
export async function loadStoryElements(): Promise<void> {
  if ((await storyMode()) === 'live') {
    await import('@databrainhq/plugin/web');
    return;
  }
  await definePreviewElements({ apiUrl: `${location.origin}${EMULATOR_PROXY_PREFIX}` });
}
