import { useCallback, useEffect, useState } from 'react';
import type { ElementsLoader } from './ElementsLoader.ts';
import { loadElements } from './loadElements.ts';

/** Whether a custom element can be rendered yet. */
export type ElementDefinition =
  | { status: 'loading'; error: null }
  | { status: 'ready'; error: null }
  | { status: 'error'; error: Error };

const LOADING: ElementDefinition = { status: 'loading', error: null };
const READY: ElementDefinition = { status: 'ready', error: null };

async function ensureDefined(tag: string, loader: ElementsLoader): Promise<void> {
  if (customElements.get(tag)) return;
  await loadElements(loader);
  if (!customElements.get(tag)) {
    throw new Error(
      `[databrain-embed] The elements loader finished but <${tag}> is not defined. ` +
        'The loadElements function must import (or define) the DataBrain elements.',
    );
  }
}

/**
 * Loads the elements on mount (never on the server) and reports when `tag`
 * is defined; `retry` tries again after a failure.
 *
 * @example
 * ```ts
 * const [definition, retry] = useElementDefined('dbn-dashboard', loader);
 * ```
 */
export function useElementDefined(tag: string, loader: ElementsLoader): [ElementDefinition, () => void] {
  // Always 'loading' on the first render, so server and client markup agree.
  const [definition, setDefinition] = useState<ElementDefinition>(LOADING);
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry trigger.
  useEffect(() => {
    let live = true;
    ensureDefined(tag, loader).then(
      () => {
        if (live) setDefinition(READY);
      },
      (error: unknown) => {
        if (live)
          setDefinition({
            status: 'error',
            error: error instanceof Error ? error : new Error(String(error)),
          });
      },
    );
    return () => {
      live = false;
    };
  }, [tag, loader, attempt]);
  const retry = useCallback(() => {
    setDefinition(LOADING);
    setAttempt((count) => count + 1);
  }, []);
  return [definition, retry];
}
