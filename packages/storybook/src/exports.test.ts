import { describe, expect, it } from 'vitest';
import * as main from './index.ts';
import * as preset from './preset.ts';

// The preview and manager entries run only inside Storybook (the preview imports the addon's
// virtual module); the static Storybook test and the story tests load them there.
describe('public exports', () => {
  it('keeps the main entry list stable', () => {
    expect(Object.keys(main).sort()).toMatchInlineSnapshot(`
      [
        "DATABRAIN_DATA_PATH",
        "DATABRAIN_PERSONA_COOKIE",
        "DATABRAIN_PERSONA_GLOBAL",
        "DATABRAIN_PREVIEW_PATH",
        "DATABRAIN_TOKEN_PATH",
        "databrainDataUrl",
        "databrainStorybookConfigSchema",
        "databrainTokenUrl",
        "defineDatabrainStorybook",
        "parseDatabrainStorybookConfig",
      ]
    `);
  });

  it('keeps the preset entry list stable', () => {
    expect(Object.keys(preset).sort()).toMatchInlineSnapshot(`
      [
        "LIVE_VARIABLES",
        "readLiveSettings",
        "storybookMode",
        "viteFinal",
      ]
    `);
  });
});
