import { DatabrainError } from '@databrain-embed/core/errors';
import { isolatePluginStyles } from '../host-page/isolatePluginStyles.ts';
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

let defined = false;

/**
 * Whether both elements are defined (always, on the server: there is
 * nothing to load there).
 *
 * @example
 * ```ts
 * if (!elementsDefined()) await loadElements();
 * ```
 */
export function elementsDefined(): boolean {
  // Once defined, always defined: a custom element cannot be undefined again.
  defined ||=
    typeof customElements === 'undefined' ||
    (customElements.get('dbn-dashboard') !== undefined && customElements.get('dbn-metric') !== undefined);
  return defined;
}

// The load in progress (or done), shared by every caller; forgotten on failure.
let loading: Promise<void> | null = null;

async function load(loader: ElementsLoader, isolateStyles: boolean): Promise<void> {
  // Before the import: the plugin inserts its stylesheet while its module is
  // evaluated. Once the import settled the style is in and isolated, so the
  // watch ends and <head> gets its own appendChild back.
  const stopIsolating = isolateStyles ? isolatePluginStyles() : undefined;
  try {
    await loader();
  } catch (cause) {
    throw new DatabrainError(
      'ELEMENTS_LOAD',
      'Could not load the DataBrain elements. Is @databrainhq/plugin installed?',
      { cause },
    );
  } finally {
    stopIsolating?.();
  }
  if (!elementsDefined()) {
    throw new DatabrainError(
      'ELEMENTS_UNDEFINED',
      'The loader left <dbn-dashboard> or <dbn-metric> undefined.',
    );
  }
}

/**
 * Loads the DataBrain elements once per page: every call while a load is in
 * progress gets the same promise, whatever its loader (the page has one set
 * of custom elements, so the first loader decides); a failure is forgotten
 * so the next call tries again. Before the import it isolates the plugin's
 * global styles (see `isolatePluginStyles`) and stops watching once the
 * import settled, so nothing of the page stays patched. Rejects when the
 * loader fails or does not define `dbn-dashboard` and `dbn-metric`. Does
 * nothing on the server or when both elements are already defined, and
 * nothing at import time.
 *
 * The components call it on mount, with the provider's `loadElements` and
 * `isolatePluginStyles`; call it yourself to start the (large) download
 * earlier, e.g. on hover: it isolates the styles all the same.
 *
 * @param loader Imports or defines the elements. Default: `import('@databrainhq/plugin/web')`.
 * @param options `isolatePluginStyles: false` leaves the plugin's global styles as it injects them.
 *
 * @example
 * ```ts
 * import { loadElements } from '@databrain-embed/react';
 * link.addEventListener('mouseenter', () => void loadElements());
 * ```
 */
export function loadElements(
  loader: ElementsLoader = importDatabrainPlugin,
  options: { readonly isolatePluginStyles?: boolean } = {},
): Promise<void> {
  if (elementsDefined()) return Promise.resolve();
  loading ??= load(loader, options.isolatePluginStyles !== false).catch((error: DatabrainError) => {
    loading = null;
    // Once per failed load, however many embeds share it.
    logFailure(error);
    throw error;
  });
  return loading;
}

/**
 * Calls `onDefined` once both elements are defined (by any loader, or by
 * the app itself); for `useSyncExternalStore`. Returns an unsubscribe.
 *
 * @example
 * ```ts
 * const defined = useSyncExternalStore(subscribeToElements, elementsDefined, () => false);
 * ```
 */
export function subscribeToElements(onDefined: () => void): () => void {
  if (typeof customElements === 'undefined' || elementsDefined()) return () => {};
  let subscribed = true;
  void Promise.all([
    customElements.whenDefined('dbn-dashboard'),
    customElements.whenDefined('dbn-metric'),
  ]).then(() => {
    if (subscribed) onDefined();
  });
  return () => {
    subscribed = false;
  };
}
