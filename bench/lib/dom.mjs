// A jsdom window as the global environment, for mounting React in Node.
// Install it before react-dom loads (react-dom checks for a DOM when it
// loads) and after any server code has been set up (the server client
// refuses to be created where a page is).
import { JSDOM } from 'jsdom';

let window;

/** Makes the jsdom window's globals (document, customElements, …) global. */
export function installDom() {
  if (window) return window;
  const dom = new JSDOM('<!doctype html><html><body><div id="root"></div></body></html>', {
    url: 'http://127.0.0.1/',
    pretendToBeVisual: true,
  });
  window = dom.window;
  // Node's own fetch, timers, events and performance stay; the rest of what
  // the window offers becomes a global, as in a browser.
  for (const key of Object.getOwnPropertyNames(window)) {
    if (key in globalThis) continue;
    Object.defineProperty(globalThis, key, { configurable: true, get: () => window[key] });
  }
  Object.defineProperty(globalThis, 'window', { configurable: true, value: window });
  return window;
}

/** Empties the page and returns a fresh mount point. */
export function freshRoot() {
  window.document.body.innerHTML = '<div id="root"></div>';
  return window.document.getElementById('root');
}
