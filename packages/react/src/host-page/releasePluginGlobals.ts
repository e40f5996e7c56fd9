const PLUGIN_ELEMENTS = 'dbn-dashboard, dbn-metric, dbn-chart';
const THEME_PROPERTY_PREFIX = '--databrainhq-plugin-';

/** Whether the portal holds nothing but the plugin's copies of its stylesheet. */
function isEmptyPortal(portal: Element): boolean {
  const content = portal.shadowRoot ?? portal;
  return Array.from(content.children).every((child) => child.localName === 'style');
}

function removeThemeProperties(element: HTMLElement): void {
  for (const property of Array.from(element.style)) {
    if (property.startsWith(THEME_PROPERTY_PREFIX)) element.style.removeProperty(property);
  }
  if (element.getAttribute('style') === '') element.removeAttribute('style');
}

/**
 * Removes what DataBrain's elements leave on a page after the last one is
 * gone: the theme variables (`--databrainhq-plugin-*`) written inline on
 * `<html>`, which would outlive every element (and the last theme set wins
 * for all of them), and the `<div id="dbn-portal">` under `<body>` that
 * menus and dialogs render into, with its own copy of the plugin's 2 MB
 * stylesheet. Does nothing while a `dbn-dashboard`, `dbn-metric` or
 * `dbn-chart` is still in the document, or on the server. The plugin's
 * `<style id="dbn-styles">` stays: the next element copies it, and the
 * plugin recreates the portal when it needs one.
 *
 * The components call this when the last of them unmounts; call it
 * yourself if you render DataBrain's elements without them.
 *
 * @param doc The document to clean up. Default: the global `document`.
 * @returns Whether anything could be released (no element was left).
 *
 * @example
 * ```ts
 * import { releasePluginGlobals } from '@databrain-embed/react';
 * dashboard.remove();
 * releasePluginGlobals();
 * ```
 */
export function releasePluginGlobals(doc?: Document): boolean {
  const target = doc ?? (typeof document === 'undefined' ? undefined : document);
  if (!target || target.querySelector(PLUGIN_ELEMENTS)) return false;
  removeThemeProperties(target.documentElement);
  if (target.body) removeThemeProperties(target.body);
  const portal = target.getElementById('dbn-portal');
  if (portal && isEmptyPortal(portal)) portal.remove();
  return true;
}
