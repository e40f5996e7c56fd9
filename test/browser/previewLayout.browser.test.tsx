import { definePreviewElements } from '@databrain-embed/emulator/elements';
import axe from 'axe-core';
import { afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';

const emulatorUrl = inject('emulatorUrl');
const tokenEndpointUrl = inject('tokenEndpointUrl');

let token = '';
beforeAll(async () => {
  await definePreviewElements({ apiUrl: emulatorUrl });
  const response = await fetch(`${tokenEndpointUrl}?user=acme-analyst`, { method: 'POST' });
  token = ((await response.json()) as { token: string }).token;
});

afterEach(() => {
  document.body.replaceChildren();
});

/** Mounts `html` (with `{token}` filled in) and waits until every preview element in it is ready. */
async function mount(html: string): Promise<HTMLElement> {
  const host = document.createElement('main');
  host.innerHTML = html.replaceAll('{token}', token);
  document.body.append(host);
  await vi.waitFor(
    () => {
      const statuses = [...host.querySelectorAll('[data-testid="dbn-preview-status"]')];
      expect(statuses.length).toBeGreaterThan(0);
      expect(statuses.map((status) => status.textContent)).toEqual(statuses.map(() => 'ready'));
    },
    { timeout: 20_000, interval: 50 },
  );
  return host;
}

/** Elements of the card whose content overflows them, or that are wider than the card's inside. */
function wider(card: HTMLElement): string[] {
  return [...card.querySelectorAll<HTMLElement>('*')]
    .filter(
      (element) =>
        (element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1) ||
        element.getBoundingClientRect().width > card.clientWidth + 1,
    )
    .map((element) => element.className || element.localName);
}

describe('preview cards in Chromium', () => {
  it.each([280, 320, 480, 960])('fit everything inside a %i px metric card', async (width) => {
    const host = await mount(
      `<dbn-metric metric-id="revenue" width="${width}" height="360" token="{token}"></dbn-metric>`,
    );
    const card = host.querySelector<HTMLElement>('dbn-metric > section') as HTMLElement;
    expect(Math.round(card.getBoundingClientRect().width)).toBe(width);
    expect(card.scrollWidth).toBeLessThanOrEqual(card.clientWidth + 1);
    expect(wider(card)).toEqual([]);
  });

  it('keep the width of their text in a flex row when no width is given', async () => {
    const host = await mount(`
      <div style="display:flex;gap:12px;flex-wrap:wrap;align-items:flex-start;width:1000px">
        <div><dbn-dashboard dashboard-id="sales-overview" token="{token}"></dbn-dashboard></div>
        <div><dbn-metric metric-id="revenue" width="300" token="{token}"></dbn-metric></div>
      </div>`);
    const card = host.querySelector<HTMLElement>('dbn-dashboard > section') as HTMLElement;
    const { width } = card.getBoundingClientRect();
    expect(width).toBeGreaterThan(400);
    expect(width).toBeLessThanOrEqual(640);
    expect(wider(card)).toEqual([]);
  });

  it('have no serious or critical accessibility violation, colour contrast included', async () => {
    const host = await mount(`
      <dbn-dashboard dashboard-id="sales-overview" token="{token}"
        theme='{"colors":{"primary":"#0f766e"}}' options='{"hideDashboardName":true}'></dbn-dashboard>
      <dbn-metric metric-id="revenue" width="320" height="260" token="{token}"></dbn-metric>`);
    const results = await axe.run(host, { resultTypes: ['violations'] });
    const serious = results.violations.filter(
      (violation) => violation.impact === 'serious' || violation.impact === 'critical',
    );
    expect(
      serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target)}`),
    ).toEqual([]);
    const checked = await axe.run(host, { runOnly: ['color-contrast'], resultTypes: ['passes'] });
    expect(checked.passes[0]?.nodes.length).toBeGreaterThan(20);
  });
});
