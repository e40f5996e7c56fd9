import { releasePluginGlobals } from './releasePluginGlobals.ts';

const retainers = /* @__PURE__ */ new WeakMap<Document, number>();

/**
 * Counts the embeds that use what DataBrain's elements put on the page (the
 * theme variables on `<html>`, the `#dbn-portal` for menus and dialogs).
 * Call it when an embed mounts; call the function it returns when the embed
 * unmounts. After the last one, `releasePluginGlobals` runs, once the
 * current task's work is done: an embed unmounting while another mounts in
 * the same render, or React's StrictMode running effects twice, releases
 * nothing. On the server it does nothing.
 *
 * @param doc The document the embed is in. Default: the global `document`.
 * @returns The release for this embed; calling it again does nothing.
 *
 * @example
 * ```ts
 * import { retainPluginGlobals } from '@databrain-embed/react';
 * useEffect(() => retainPluginGlobals(), []);
 * ```
 */
export function retainPluginGlobals(doc?: Document): () => void {
  const target = doc ?? (typeof document === 'undefined' ? undefined : document);
  if (!target) return () => {};
  retainers.set(target, (retainers.get(target) ?? 0) + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (retainers.get(target) ?? 1) - 1;
    retainers.set(target, left);
    if (left > 0) return;
    queueMicrotask(() => {
      if (!retainers.get(target)) releasePluginGlobals(target);
    });
  };
}
