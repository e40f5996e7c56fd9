export {
  DATABRAIN_DATA_PATH,
  DATABRAIN_PERSONA_COOKIE,
  DATABRAIN_PERSONA_GLOBAL,
  DATABRAIN_PREVIEW_PATH,
  DATABRAIN_TOKEN_PATH,
} from './addonPaths.ts';
export type { DatabrainAddonOptions } from './DatabrainAddonOptions.ts';
export type {
  DatabrainCell,
  DatabrainPersona,
  DatabrainRow,
  DatabrainStorybookConfig,
  DatabrainStorybookEmbed,
  DatabrainStorybookMetric,
  ResolvedDatabrainStorybookConfig,
} from './DatabrainStorybookConfig.ts';
export type { DatabrainStoryParameters } from './DatabrainStoryParameters.ts';
export { databrainDataUrl } from './databrainDataUrl.ts';
export { type DatabrainTokenUrlOptions, databrainTokenUrl } from './databrainTokenUrl.ts';
export { defineDatabrainStorybook } from './defineDatabrainStorybook.ts';
export {
  databrainStorybookConfigSchema,
  parseDatabrainStorybookConfig,
} from './parseDatabrainStorybookConfig.ts';
export type { TokenOverrides } from './TokenOverrides.ts';
