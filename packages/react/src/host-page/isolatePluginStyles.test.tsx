import { afterEach, describe, expect, it } from 'vitest';
import { isolatePluginStyles } from './isolatePluginStyles.ts';

// A small stand-in for the plugin's 2 MB stylesheet with one rule of each kind it holds.
const FONTS_IMPORT =
  '@import"https://fonts.googleapis.com/css2?family=Inter:wght@400;500;700;900&display=swap";';
const PLUGIN_CSS = [
  '@charset "UTF-8";',
  FONTS_IMPORT,
  '@font-face{font-family:Inter;font-weight:400;src:url(data:font/woff2;base64,AAAA)}',
  '@font-face{font-family:Inter;font-weight:700;src:url(data:font/woff2;base64,BBBB)}',
  '*,:before,:after{box-sizing:border-box;border-width:0}',
  'html{line-height:1.5;font-family:var(--databrainhq-plugin-typography-fontFamily),Inter}',
  'body{margin:0}',
  ':root{--databrainhq-plugin-color-primary: #5865f6;color:red}',
  '.hidden{display:none!important}',
  '.p-2{padding:.5rem!important}',
  '@media (min-width: 640px){.sm\\:flex{display:flex!important}}',
].join('');
const ISOLATED_TEXT = PLUGIN_CSS.replace(FONTS_IMPORT, '');

const stops: (() => void)[] = [];
function isolate(): () => void {
  const stop = isolatePluginStyles();
  stops.push(stop);
  return stop;
}

function pluginStyle(css = PLUGIN_CSS, doc = document): HTMLStyleElement {
  // As the plugin does: the text first, then the id, then into <head>.
  const style = doc.createElement('style');
  style.innerHTML = css;
  style.setAttribute('id', 'dbn-styles');
  return style;
}

function rulesOf(style: HTMLStyleElement): string[] {
  return Array.from(style.sheet?.cssRules ?? [], (rule) => rule.cssText.replace(/\s+/g, ' '));
}

// As the test DOM prints them: it leaves `src` out of @font-face.
const ISOLATED_RULES = [
  '@font-face { font-family: Inter; font-weight: 400; }',
  '@font-face { font-family: Inter; font-weight: 700; }',
  'dbn-dashboard, dbn-metric, dbn-chart, #dbn-portal { line-height: 1.5; font-family: var(--databrainhq-plugin-typography-fontFamily),Inter; }',
  ':root { --databrainhq-plugin-color-primary: #5865f6; }',
];

afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  document.head.innerHTML = '';
});

describe('isolatePluginStyles', () => {
  it('keeps only the fonts, the :root variables and the inherited defaults (now on the elements) in the document', () => {
    const style = document.head.appendChild(pluginStyle());
    isolate();
    expect(rulesOf(style)).toEqual(ISOLATED_RULES);
  });

  it('leaves the text the elements copy whole but for the fonts-host @import', () => {
    const style = document.head.appendChild(pluginStyle());
    isolate();
    expect(style.textContent).toBe(ISOLATED_TEXT);
    expect(style.innerHTML).not.toContain('fonts.googleapis.com');
  });

  it('takes the @import out of a style the plugin appends later before it is connected', () => {
    // Records the text each node has at the moment it is connected.
    const connectedTexts: string[] = [];
    const append = document.head.appendChild;
    document.head.appendChild = function appendChild<T extends Node>(this: HTMLHeadElement, node: T): T {
      connectedTexts.push(node.textContent ?? '');
      return append.call(this, node) as T;
    };
    const stop = isolate();
    const style = document.head.appendChild(pluginStyle());
    expect(connectedTexts).toEqual([ISOLATED_TEXT]);
    expect(rulesOf(style)).toEqual(ISOLATED_RULES);
    stop();
    // The recording appendChild is back in place.
    document.head.appendChild(document.createElement('meta'));
    expect(connectedTexts).toEqual([ISOLATED_TEXT, '']);
    delete (document.head as Partial<HTMLHeadElement>).appendChild;
  });

  it('isolates a plugin style whose text is replaced later', async () => {
    const style = document.head.appendChild(pluginStyle());
    isolate();
    style.textContent = PLUGIN_CSS.replace('.5rem', '1rem');
    await Promise.resolve();
    expect(rulesOf(style)).toEqual(ISOLATED_RULES);
    expect(style.textContent).toContain('.p-2{padding:1rem!important}');
    expect(style.textContent).not.toContain('fonts.googleapis.com');
  });

  it('isolates a plugin style inserted some other way than appendChild', async () => {
    isolate();
    const style = pluginStyle();
    document.head.prepend(style);
    await Promise.resolve();
    expect(rulesOf(style)).toEqual(ISOLATED_RULES);
  });

  it('touches no other style of the page', async () => {
    const own = document.createElement('style');
    own.textContent = `${FONTS_IMPORT}.hidden{display:none}h1{margin:0}`;
    document.head.appendChild(own);
    isolate();
    const later = document.head.appendChild(document.createElement('style'));
    later.textContent = '.p-2{padding:20px}';
    await Promise.resolve();
    expect(rulesOf(own)).toHaveLength(3);
    expect(own.textContent).toContain('fonts.googleapis.com');
    expect(rulesOf(later)).toEqual(['.p-2 { padding: 20px; }']);
  });

  it('gives the same result when called twice', () => {
    const style = document.head.appendChild(pluginStyle());
    isolate();
    isolate();
    expect(rulesOf(style)).toEqual(ISOLATED_RULES);
    expect(style.textContent).toBe(ISOLATED_TEXT);
  });

  it('stops watching once every caller has stopped, and gives <head> its own appendChild back', async () => {
    const first = isolate();
    const second = isolate();
    first();
    first();
    const watched = document.head.appendChild(pluginStyle());
    expect(rulesOf(watched)).toEqual(ISOLATED_RULES);
    second();
    expect(Object.hasOwn(document.head, 'appendChild')).toBe(false);
    watched.remove();
    const unwatched = document.head.appendChild(pluginStyle());
    await Promise.resolve();
    expect(rulesOf(unwatched).length).toBeGreaterThan(ISOLATED_RULES.length);
    expect(unwatched.textContent).toBe(PLUGIN_CSS);
  });

  it('leaves an appendChild replaced by other code after it in place when it stops', () => {
    const stop = isolate();
    const replaced = document.head.appendChild;
    const other = function appendChild<T extends Node>(this: HTMLHeadElement, node: T): T {
      return replaced.call(this, node) as T;
    };
    document.head.appendChild = other;
    stop();
    expect(document.head.appendChild).toBe(other);
    delete (document.head as Partial<HTMLHeadElement>).appendChild;
  });

  it('isolates another document when given one', () => {
    const frame = document.body.appendChild(document.createElement('iframe'));
    const other = frame.contentDocument as Document;
    const style = other.head.appendChild(pluginStyle(PLUGIN_CSS, other));
    const stop = isolatePluginStyles(other);
    expect(rulesOf(style)).toEqual(ISOLATED_RULES);
    expect(Object.hasOwn(document.head, 'appendChild')).toBe(false);
    stop();
    frame.remove();
  });
});
