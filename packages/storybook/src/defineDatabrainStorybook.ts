import type { DatabrainStorybookConfig } from './DatabrainStorybookConfig.ts';

/**
 * Declares the DataBrain side of your Storybook: export its result as the
 * default export of `.storybook/databrain.ts`. It returns the config as it
 * is, typed, so a `defaultPersona` that names no persona fails to compile;
 * the addon checks everything else when Storybook starts, with a message
 * naming the persona and the field at fault.
 *
 * @example
 * ```ts
 * // .storybook/databrain.ts
 * import { defineDatabrainStorybook } from '@databrain-embed/storybook';
 *
 * export default defineDatabrainStorybook({
 *   dataAppName: 'shop',
 *   embeds: [
 *     { embedId: 'orders', type: 'dashboard', name: 'Orders', rows: [{ tenant: 'acme', total: 120 }] },
 *   ],
 *   tenantColumn: 'tenant',
 *   personas: {
 *     'acme-viewer': { clientId: 'acme', permissions: { isEnableManageMetrics: false } },
 *   },
 *   defaultPersona: 'acme-viewer',
 * });
 * ```
 */
export function defineDatabrainStorybook<const Persona extends string>(
  config: DatabrainStorybookConfig<Persona>,
): DatabrainStorybookConfig<Persona> {
  return config;
}
