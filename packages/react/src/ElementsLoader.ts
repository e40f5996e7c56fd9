/**
 * Loads the module that defines the `dbn-dashboard` and `dbn-metric`
 * custom elements. Called at most once at a time, only in the browser.
 *
 * @example
 * ```ts
 * import type { ElementsLoader } from '@databrain-embed/react';
 * const loadElements: ElementsLoader = () => import('@databrainhq/plugin/web');
 * ```
 */
export type ElementsLoader = () => Promise<unknown>;
