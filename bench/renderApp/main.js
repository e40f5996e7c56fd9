// The render benchmark's page in Chromium: mounts N <Dashboard>s under one
// provider, or N raw `dbn-dashboard` elements given the same token, and says
// how long it took until every element held the token. The elements are
// stand-ins that render nothing and count the tokens set on them, so the
// figure is the cost of React and this package, not of DataBrain's charts.
// For the provider it also says when the token was asked for and when the
// first element got it: where the time goes.
import { Dashboard, DatabrainProvider } from '@databrain-embed/react';
import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';

let waiting = null;

class StandIn extends HTMLElement {
  #token;
  get token() {
    return this.#token;
  }
  // React 19 sets `token` as a property on a defined element; so does <Dashboard>.
  set token(value) {
    this.#token = value;
    if (!waiting || value !== waiting.token) return;
    waiting.held += 1;
    if (waiting.held === 1) waiting.firstAt = performance.now();
    if (waiting.held === waiting.count) waiting.done();
  }
}

const defineStandIns = async () => {
  for (const tag of ['dbn-dashboard', 'dbn-metric']) {
    if (!customElements.get(tag)) customElements.define(tag, class extends StandIn {});
  }
};

/**
 * Renders `tree` into a fresh root; resolves with the ms until `count`
 * elements hold `token` (`ms`), until the token was asked for (`askedMs`,
 * when the tree asks), and until the first element held it (`firstMs`).
 */
async function measure(tree, token, count) {
  const container = document.body.appendChild(document.createElement('div'));
  const root = createRoot(container);
  const allHeld = new Promise((done) => {
    waiting = { token, count, held: 0, done, firstAt: 0, askedAt: 0 };
  });
  const current = waiting;
  const started = performance.now();
  root.render(tree);
  await allHeld;
  const ms = performance.now() - started;
  waiting = null;
  root.unmount();
  container.remove();
  return {
    ms,
    askedMs: current.askedAt ? current.askedAt - started : null,
    firstMs: current.firstAt - started,
  };
}

window.renderBench = {
  /** N <Dashboard>s under one provider whose token source answers `token` at once. */
  ours: (count, token) => {
    const fetchToken = async () => {
      if (waiting) waiting.askedAt = performance.now();
      return { token, expiresIn: 3_600_000 };
    };
    const dashboards = Array.from({ length: count }, (_, index) =>
      h(Dashboard, { key: index, dashboardId: `dashboard-${index}` }),
    );
    return measure(
      h(DatabrainProvider, { fetchToken, loadElements: defineStandIns }, ...dashboards),
      token,
      count,
    );
  },
  /** N raw elements rendered by React with the token as a prop. */
  raw: async (count, token) => {
    await defineStandIns();
    const elements = Array.from({ length: count }, (_, index) =>
      h('dbn-dashboard', { key: index, token, 'dashboard-id': `dashboard-${index}` }),
    );
    return measure(h('div', null, ...elements), token, count);
  },
};
