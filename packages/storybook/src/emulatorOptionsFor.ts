import { EMULATOR_API_KEY, type EmulatorHandlerOptions } from '@databrain-embed/emulator/handler';
import type { ResolvedDatabrainStorybookConfig } from './DatabrainStorybookConfig.ts';

/**
 * The emulator a Storybook runs: only the team's data app with its embeds and
 * their rows, limited to each token's tenant through the team's tenant
 * column, minted for with the emulator's own (public, emulator-only) API key.
 *
 * @example
 * ```ts
 * const emulator = createEmulatorHandler(emulatorOptionsFor(config));
 * ```
 */
export function emulatorOptionsFor(config: ResolvedDatabrainStorybookConfig): EmulatorHandlerOptions {
  return {
    includeDefaultSeed: false,
    seed: {
      dataApps: [
        {
          name: config.dataAppName,
          apiKeys: [EMULATOR_API_KEY],
          // A metric's rows are its embed's (the emulator's default); a metric embed without
          // `metrics` is one metric named after it.
          embeds: config.embeds.map(({ embedId, type, name, rows, metrics }) => ({
            embedId,
            type,
            name,
            rows,
            ...(metrics === undefined ? {} : { metrics }),
          })),
        },
      ],
      tenantColumn: config.tenantColumn,
    },
  };
}

/** The key the story token routes mint with (the emulator's, not a secret). */
export const STORY_EMULATOR_KEY: string = EMULATOR_API_KEY;
