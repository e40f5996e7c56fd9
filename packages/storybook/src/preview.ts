// The preview side of the addon, which Storybook loads as `@databrain-embed/storybook/preview`:
// the persona toolbar, the decorator, and (before the first story) the routes a static build
// answers in the page and the preview elements.

import { settings, config as teamConfig } from 'virtual:databrain-storybook';
import { definePreviewElements } from '@databrain-embed/emulator/elements';
import type { Decorator } from '@storybook/react-vite';
import type { GlobalTypes } from 'storybook/internal/types';
import { getChannel } from 'storybook/preview-api';
import { DATABRAIN_PERSONA_GLOBAL, DATABRAIN_PREVIEW_PATH } from './addonPaths.ts';
import { createDatabrainDecorator } from './createDatabrainDecorator.tsx';
import { createPageRoutes } from './createPageRoutes.ts';
import { createStoryActivity } from './createStoryActivity.ts';
import { PANEL_EVENTS } from './DatabrainPanelState.ts';
import { installStoryFetch } from './installStoryFetch.ts';
import { parseDatabrainStorybookConfig } from './parseDatabrainStorybookConfig.ts';

const config = parseDatabrainStorybookConfig(teamConfig, '.storybook/databrain.ts');
const activity = createStoryActivity();

/**
 * The `databrainPersona` global and its toolbar menu: one item per persona
 * of `.storybook/databrain.ts`, its tenant on the right.
 *
 * @example
 * ```ts
 * // A story URL selects a persona: /?path=/story/analytics--default&globals=databrainPersona:globex-editor
 * ```
 */
export const globalTypes: GlobalTypes = {
  [DATABRAIN_PERSONA_GLOBAL]: {
    name: 'Persona',
    description: 'Who is signed in: a persona of .storybook/databrain.ts',
    toolbar: {
      title: 'Persona',
      icon: 'user',
      dynamicTitle: true,
      items: Object.entries(config.personas).map(([name, persona]) => ({
        value: name,
        title: persona.label ?? name,
        right: persona.clientId,
      })),
    },
  },
};

/**
 * The persona selected when neither the toolbar nor the URL names one.
 *
 * @example
 * ```ts
 * initialGlobals.databrainPersona; // the config's defaultPersona
 * ```
 */
export const initialGlobals: Record<string, unknown> = { [DATABRAIN_PERSONA_GLOBAL]: config.defaultPersona };

/**
 * The addon's decorator: persona, cookie, panel and provider (see `createDatabrainDecorator`).
 *
 * @example
 * ```ts
 * // Storybook applies it to every story; a story opts out of the provider with
 * // parameters: { databrain: { provider: false } }.
 * ```
 */
export const decorators: Decorator[] = [createDatabrainDecorator({ config, settings, activity })];

/**
 * Runs once before the first story: the page answers the addon's routes
 * itself in a static build (and logs them for the panel in every mode), the
 * preview elements are defined unless DataBrain's own are used, and the
 * panel starts hearing from this preview.
 *
 * @example
 * ```ts
 * // Storybook (and Vitest's Storybook plugin) call it; nothing to do by hand.
 * ```
 */
export async function beforeAll(): Promise<void> {
  installStoryFetch({ activity, route: createPageRoutes(config, settings, () => document.cookie) });
  const channel = getChannel();
  if (channel) {
    activity.subscribe((state) => channel.emit(PANEL_EVENTS.state, state));
    channel.on(PANEL_EVENTS.requestState, () => {
      const state = activity.snapshot();
      if (state) channel.emit(PANEL_EVENTS.state, state);
    });
  }
  if (settings.mode === 'emulator' || settings.mode === 'static') {
    // Defined before any story renders: a provider's loader (yours or the addon's) then finds
    // them and never imports DataBrain's own elements.
    await definePreviewElements({ apiUrl: `${location.origin}${DATABRAIN_PREVIEW_PATH}` });
  }
}
