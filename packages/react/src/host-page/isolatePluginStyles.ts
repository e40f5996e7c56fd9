/** The id of the `<style>` DataBrain's plugin adds to `<head>` when it is imported. */
const PLUGIN_STYLES_ID = 'dbn-styles';

// A Google Fonts @import in any of CSS's spellings (its URL holds semicolons:
// `wght@400;500`). The plugin embeds the same Inter weights as data: fonts,
// so the import only costs a third-party request.
const FONTS_HOST_IMPORT =
  /@import\s*(?:url\(\s*)?(?:"https?:\/\/fonts\.googleapis\.com[^"]*"|'https?:\/\/fonts\.googleapis\.com[^']*'|https?:\/\/fonts\.googleapis\.com[^)\s;]*)\s*\)?[^;]*;/g;

// The plugin's elements, and the <div> its menus and dialogs are portalled into.
const PLUGIN_HOSTS = 'dbn-dashboard, dbn-metric, dbn-chart, #dbn-portal';

type DocumentView = Window & typeof globalThis;

interface DocumentWatch {
  observer: MutationObserver;
  /** The own `appendChild` put on `<head>` (if there is one), removed when the watch ends. */
  appendChild: Node['appendChild'] | undefined;
  /** An own `appendChild` other code had put on `<head>` before, restored when the watch ends. */
  previousAppendChild: Node['appendChild'] | undefined;
  watchers: number;
}

const isolatedSheets = /* @__PURE__ */ new WeakSet<CSSStyleSheet>();
const watches = /* @__PURE__ */ new WeakMap<Document, DocumentWatch>();

function isPluginStyles(node: Node, view: DocumentView): node is HTMLStyleElement {
  return node instanceof view.HTMLStyleElement && node.id === PLUGIN_STYLES_ID;
}

/** Drops the fonts-host @import from the text; each element copies the text, so its copy has none either. */
function dropFontsHostImport(style: HTMLStyleElement): void {
  const text = style.textContent ?? '';
  const withoutImport = text.replace(FONTS_HOST_IMPORT, '');
  if (withoutImport !== text) style.textContent = withoutImport;
}

/** Whether a rule must stay declared on the document for the elements' shadow roots to look right. */
function keepRule(rule: CSSRule, view: DocumentView): boolean {
  // Chromium ignores @font-face inside shadow roots: the fonts must be declared here.
  if (rule instanceof view.CSSFontFaceRule) return true;
  // `:root` inside a shadow root matches nothing; the elements' content
  // inherits the plugin's --databrainhq-plugin-* variables from <html>.
  if (rule instanceof view.CSSStyleRule && rule.selectorText === ':root') {
    for (const property of Array.from(rule.style)) {
      if (!property.startsWith('--')) rule.style.removeProperty(property);
    }
    return true;
  }
  // The preflight's `html` rule sets what the elements' content inherits
  // (font, line height); it now applies to the elements and the portal alone.
  if (rule instanceof view.CSSStyleRule && rule.selectorText === 'html') {
    rule.selectorText = PLUGIN_HOSTS;
    return true;
  }
  return false;
}

function isolate(style: HTMLStyleElement, view: DocumentView): void {
  if (style.sheet && isolatedSheets.has(style.sheet)) return;
  dropFontsHostImport(style);
  const sheet = style.sheet;
  if (!sheet) return;
  // Deleting through the CSSOM leaves the style's text, and so every
  // element's copy of the full stylesheet, whole.
  for (let index = sheet.cssRules.length - 1; index >= 0; index--) {
    const rule = sheet.cssRules[index];
    if (rule && !keepRule(rule, view)) sheet.deleteRule(index);
  }
  isolatedSheets.add(sheet);
}

function isolateAll(doc: Document, view: DocumentView): void {
  for (const style of Array.from(doc.querySelectorAll(`style#${PLUGIN_STYLES_ID}`))) {
    if (isPluginStyles(style, view)) isolate(style, view);
  }
}

/**
 * The plugin appends its style to `<head>` while its module is evaluated, and
 * an @import starts loading as soon as the style is connected: too early for
 * any observer. Taking the import out of the text just before the append is
 * the only way to keep the page from requesting the fonts host.
 */
function interceptAppend(head: HTMLHeadElement, view: DocumentView): Node['appendChild'] {
  const append = head.appendChild;
  const appendChild = function appendChild<T extends Node>(this: HTMLHeadElement, node: T): T {
    if (!isPluginStyles(node, view)) return append.call(this, node) as T;
    dropFontsHostImport(node);
    const appended = append.call(this, node) as T;
    isolate(node, view);
    return appended;
  };
  head.appendChild = appendChild;
  return appendChild;
}

function watch(doc: Document, view: DocumentView): DocumentWatch {
  const observer = new view.MutationObserver(() => isolateAll(doc, view));
  const root = doc.head ?? doc.documentElement;
  // The subtree too: the plugin may replace the text of its existing style.
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  const previousAppendChild =
    doc.head && Object.hasOwn(doc.head, 'appendChild') ? doc.head.appendChild : undefined;
  const appendChild = doc.head ? interceptAppend(doc.head, view) : undefined;
  return { observer, appendChild, previousAppendChild, watchers: 0 };
}

function unwatch(doc: Document, current: DocumentWatch): void {
  current.observer.disconnect();
  // Only our own override: code that replaced it since keeps its own.
  if (doc.head && Object.hasOwn(doc.head, 'appendChild') && doc.head.appendChild === current.appendChild) {
    if (current.previousAppendChild) doc.head.appendChild = current.previousAppendChild;
    else delete (doc.head as Partial<HTMLHeadElement>).appendChild;
  }
  watches.delete(doc);
}

/**
 * Keeps DataBrain's global stylesheet from restyling your page. Importing
 * `@databrainhq/plugin/web` adds a `<style id="dbn-styles">` to `<head>` with
 * Tailwind's preflight, `!important` utility classes (`.hidden`, `.flex`,
 * `.p-2` …) and a Google Fonts `@import`. Each DataBrain element copies that
 * style's text into its own shadow root, so the document itself only needs
 * what a shadow root cannot declare: the `@font-face` rules and the `:root`
 * variables; the preflight's inherited defaults (font, line height) move from
 * `<html>` to the elements and their `#dbn-portal`. Everything else is
 * deleted from the document's sheet (the text, and so the elements' copies,
 * stay whole), and the `@import` of Google Fonts is dropped (every weight
 * the plugin uses is embedded as a `data:` font).
 *
 * Call it before importing the plugin: its style is then isolated as it is
 * inserted and the page makes no request to the fonts host. Called after the
 * import, it isolates the style at once (the import's one font request has
 * then already gone out). A plugin style added or replaced later is isolated
 * too, until you call the returned function; call it once the import
 * settled, and `<head>` gets its own `appendChild` back. Calling it again is
 * harmless; on the server it does nothing. `loadElements()` (which the
 * components use) does all this for you unless told
 * `isolatePluginStyles: false`; call it yourself only if you import the
 * plugin yourself.
 *
 * @param doc The document to isolate. Default: the global `document`.
 * @returns A function that stops watching for new plugin styles (rules
 * already removed stay removed).
 *
 * @example
 * ```ts
 * import { isolatePluginStyles } from '@databrain-embed/react';
 * const stopIsolating = isolatePluginStyles();
 * await import('@databrainhq/plugin/web').finally(stopIsolating);
 * ```
 */
export function isolatePluginStyles(doc?: Document): () => void {
  const target = doc ?? (typeof document === 'undefined' ? undefined : document);
  const view = target?.defaultView as DocumentView | null | undefined;
  if (!target || !view) return () => {};
  isolateAll(target, view);
  const current = watches.get(target) ?? watch(target, view);
  watches.set(target, current);
  current.watchers++;
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    current.watchers--;
    if (current.watchers === 0) unwatch(target, current);
  };
}
