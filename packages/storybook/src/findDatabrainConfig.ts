import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { DatabrainError } from '@databrain-embed/core/errors';

/** The file names the addon looks for in the Storybook config directory, in this order. */
export const CONFIG_FILE_NAMES: readonly string[] = [
  'databrain.ts',
  'databrain.mts',
  'databrain.tsx',
  'databrain.js',
  'databrain.mjs',
];

/**
 * The absolute path of the team's config: `configPath` (relative to the
 * Storybook config directory) when given, else `.storybook/databrain.ts` (or
 * `.mts`, `.tsx`, `.js`, `.mjs`). Fails with what to create when there is none.
 *
 * @example
 * ```ts
 * findDatabrainConfig('/app/.storybook'); // '/app/.storybook/databrain.ts'
 * ```
 */
export function findDatabrainConfig(configDir: string, configPath?: string): string {
  const candidates =
    configPath === undefined
      ? CONFIG_FILE_NAMES.map((name) => resolve(configDir, name))
      : [resolve(configDir, configPath)];
  const found = candidates.find((file) => existsSync(file));
  if (found) return found;
  const shown = relative(process.cwd(), candidates[0] as string) || (candidates[0] as string);
  throw new DatabrainError(
    'VALIDATION_ERROR',
    configPath === undefined
      ? `The DataBrain Storybook addon needs ${shown}: export default defineDatabrainStorybook({ dataAppName, embeds, personas }) ` +
          "from '@databrain-embed/storybook' there, or name another file with the addon option configPath."
      : `The DataBrain Storybook addon option configPath names ${shown}, which does not exist.`,
  );
}
