import { afterEach, describe, expect, it } from 'vitest';
import { releasePluginGlobals } from './releasePluginGlobals.ts';

// What the plugin leaves behind: theme variables inline on <html> and a
// portal whose shadow root holds its copy of the stylesheet.
function leavePluginGlobals(): HTMLElement {
  const html = document.documentElement;
  html.style.setProperty('--databrainhq-plugin-color-primary', '#4f46e5');
  html.style.setProperty('--databrainhq-plugin-border-radiusSm', '2px');
  const portal = document.body.appendChild(document.createElement('div'));
  portal.id = 'dbn-portal';
  const style = portal.attachShadow({ mode: 'open' }).appendChild(document.createElement('style'));
  style.id = 'dbn-portal-style';
  return portal;
}

afterEach(() => {
  document.documentElement.removeAttribute('style');
  document.body.removeAttribute('style');
  document.body.innerHTML = '';
});

describe('releasePluginGlobals', () => {
  it('removes the theme variables from <html> and the empty portal once no element is left', () => {
    leavePluginGlobals();
    expect(releasePluginGlobals()).toBe(true);
    expect(document.documentElement.hasAttribute('style')).toBe(false);
    expect(document.getElementById('dbn-portal')).toBeNull();
  });

  it("keeps the page's own inline styles on <html> and <body>", () => {
    leavePluginGlobals();
    document.documentElement.style.setProperty('--brand', 'teal');
    document.documentElement.style.colorScheme = 'dark';
    document.body.style.setProperty('--databrainhq-plugin-color-red', 'red');
    document.body.style.margin = '8px';
    releasePluginGlobals();
    expect(document.documentElement.getAttribute('style')).toBe('--brand: teal; color-scheme: dark;');
    expect(document.body.getAttribute('style')).toBe('margin: 8px;');
  });

  it('releases nothing while a DataBrain element is still in the document', () => {
    const portal = leavePluginGlobals();
    for (const tag of ['dbn-dashboard', 'dbn-metric', 'dbn-chart']) {
      const element = document.body.appendChild(document.createElement(tag));
      expect(releasePluginGlobals(), tag).toBe(false);
      element.remove();
    }
    expect(document.documentElement.style.getPropertyValue('--databrainhq-plugin-color-primary')).toBe(
      '#4f46e5',
    );
    expect(portal.isConnected).toBe(true);
  });

  it('keeps a portal that still shows something', () => {
    const portal = leavePluginGlobals();
    portal.shadowRoot?.appendChild(document.createElement('dialog'));
    releasePluginGlobals();
    expect(portal.isConnected).toBe(true);
    expect(document.documentElement.hasAttribute('style')).toBe(false);
  });
});
