import { DatabrainError } from '@databrain-embed/core/errors';
import { logFailure } from '../session/logFailure.ts';

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

/**
 * The default loader: imports DataBrain's own elements. The specifier is a
 * literal so that every bundler (Vite, webpack, Turbopack, esbuild) sees it
 * and splits the plugin into its own lazy chunk; `@databrainhq/plugin` is a
 * peer dependency for that reason.
 *
 * @example
 * ```ts
 * await importDatabrainPlugin();
 * ```
 */
export const importDatabrainPlugin: ElementsLoader = () => import('@databrainhq/plugin/web');

const pending = /* @__PURE__ */ new WeakMap<ElementsLoader, Promise<void>>();

const defined = (): boolean =>
  typeof customElements === 'undefined' ||
  (!!customElements.get('dbn-dashboard') && !!customElements.get('dbn-metric'));

/**
 * Loads the DataBrain elements once. Every caller with the same loader gets
 * the same promise; a failure is forgotten so the next call tries again.
 * Rejects when the loader fails or does not define `dbn-dashboard` and
 * `dbn-metric`. Does nothing on the server or when both elements are already
 * defined, and nothing happens at import time. The components call it on
 * mount; call it yourself to start the (large) download earlier, e.g. on hover.
 *
 * @example
 * ```ts
 * import { loadElements } from '@databrain-embed/react';
 * link.addEventListener('mouseenter', () => void loadElements(() => import('@databrainhq/plugin/web')));
 * ```
 */
export function loadElements(loader: ElementsLoader = importDatabrainPlugin): Promise<void> {
  if (defined()) return Promise.resolve();
  let loading = pending.get(loader);
  if (!loading) {
    loading = Promise.resolve()
      .then(loader)
      .then(
        () => {
          if (!defined())
            throw new DatabrainError(
              'ELEMENTS_UNDEFINED',
              'The loader left <dbn-dashboard> or <dbn-metric> undefined.',
            );
        },
        (cause: unknown) => {
          throw new DatabrainError(
            'ELEMENTS_LOAD',
            'Could not load the DataBrain elements. Is @databrainhq/plugin installed?',
            { cause },
          );
        },
      )
      .catch((error: DatabrainError) => {
        pending.delete(loader);
        // Once per failed load, however many embeds share it.
        logFailure(error);
        throw error;
      });
    pending.set(loader, loading);
  }
  return loading;
}
