import { useEffect, useLayoutEffect } from 'react';

/**
 * `useLayoutEffect` in the browser, `useEffect` on the server (where neither
 * runs, but React 18 warns about the former).
 *
 * @example
 * ```ts
 * useIsomorphicLayoutEffect(() => { ref.current = value; });
 * ```
 */
export const useIsomorphicLayoutEffect: typeof useLayoutEffect =
  typeof window === 'undefined' ? useEffect : useLayoutEffect;
