import { relative } from 'node:path';
import type { ResolvedDatabrainStorybookConfig } from './DatabrainStorybookConfig.ts';
import { parseDatabrainStorybookConfig } from './parseDatabrainStorybookConfig.ts';

/** Imports a module by path; the default loads TypeScript through Storybook's own loader. */
export type ModuleImporter = (file: string) => Promise<unknown>;

const storybookImport: ModuleImporter = async (file) => {
  // Storybook registers its TypeScript loader for main.ts; importModule makes sure it is there.
  const { importModule } = await import('storybook/internal/common');
  return importModule(file, { skipCache: true });
};

/**
 * Loads the team's config file and checks it: the default export (or the
 * module itself) must pass `parseDatabrainStorybookConfig`, so a bad persona
 * stops Storybook at start with the persona and the field named.
 *
 * @example
 * ```ts
 * const config = await loadDatabrainConfig(findDatabrainConfig(options.configDir));
 * ```
 */
export async function loadDatabrainConfig(
  file: string,
  importer: ModuleImporter = storybookImport,
): Promise<ResolvedDatabrainStorybookConfig> {
  const loaded = await importer(file);
  // importModule already unwraps `default`; a plain dynamic import does not.
  const value =
    typeof loaded === 'object' && loaded !== null && 'default' in loaded
      ? (loaded as { default: unknown }).default
      : loaded;
  return parseDatabrainStorybookConfig(value, relative(process.cwd(), file) || file);
}
