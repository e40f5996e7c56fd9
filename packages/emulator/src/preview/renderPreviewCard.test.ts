// @vitest-environment jsdom
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import type { PreviewPayload } from '../PreviewPayload.ts';
import { readColumns } from '../readColumns.ts';
import { SAMPLE_COLUMNS, SAMPLE_ROWS } from '../sampleData.ts';
import { DEFAULT_PREVIEW_THEME } from './readPreviewTheme.ts';
import { type PreviewView, renderPreviewCard } from './renderPreviewCard.ts';

const acmeRows = SAMPLE_ROWS.filter((row) => row.tenant === 'acme');

const payload: PreviewPayload = {
  embed: { embedId: 'sales-overview', type: 'dashboard', name: 'Sales overview' },
  claims: {
    clientId: 'acme',
    dataAppName: 'demo-app',
    params: { hideDashboardFilters: ['country'] },
    permissions: { isShowSideBar: true, isEnableManageMetrics: false },
    datasourceName: null,
    issuedAt: 0,
    expiresAt: null,
    expiresInMs: null,
  },
  columns: readColumns(SAMPLE_ROWS),
  rows: acmeRows,
  filters: [
    {
      source: 'dashboardAppFilters',
      target: 'sales-overview',
      name: 'region',
      value: 'EMEA',
      status: 'applied',
    },
  ],
};

const view = (overrides: Partial<PreviewView> = {}): PreviewView => ({
  instance: 'dashboard-7',
  kind: 'dashboard',
  embedId: 'sales-overview',
  status: 'ready',
  message: '',
  payload,
  token: 'abcdefgh-1234-5678',
  expiry: 'never expires',
  options: undefined,
  theme: { accent: '#0f766e', fontFamily: 'Georgia, serif', chartColors: ['#0f766e', '#f97316', '#8b5cf6'] },
  layout: { width: undefined, height: undefined, fullscreen: false },
  ...overrides,
});

const text = (root: Element, id: string) => root.querySelector(`[data-testid="${id}"]`)?.textContent;

describe('renderPreviewCard', () => {
  it('shows the embed, status and the claims panel', () => {
    const card = renderPreviewCard(view(), document);
    expect(text(card, 'dbn-preview-embed')).toBe('sales-overview');
    expect(card.textContent).toContain('Sales overview');
    expect(text(card, 'dbn-preview-status')).toBe('ready');
    expect(text(card, 'dbn-preview-client')).toBe('acme');
    expect(text(card, 'dbn-preview-data-app')).toBe('demo-app');
    expect(text(card, 'dbn-preview-token')).toBe('abcdefgh…');
    expect(text(card, 'dbn-preview-expiry')).toBe('never expires');
    expect(text(card, 'dbn-preview-permissions')).toBe(
      'granted: isShowSideBar · denied: isEnableManageMetrics',
    );
    expect(
      [...card.querySelectorAll('[data-testid="dbn-preview-filters"] li')].map((li) => li.textContent),
    ).toEqual(['dashboardAppFilters · region = "EMEA" (applied)', 'hidden dashboard filters: country']);
    expect(card.querySelector('[data-testid="dbn-preview-options"]')).toBeNull();
  });

  it('computes KPI tiles from the rows', () => {
    const card = renderPreviewCard(view(), document);
    expect(text(card, 'dbn-preview-kpi-total')).toBe('Total amount5,530');
    expect(text(card, 'dbn-preview-kpi-rows')).toBe('Rows4');
    expect(text(card, 'dbn-preview-kpi-average')).toBe('Average1,383');
    expect(text(card, 'dbn-preview-kpi-share')).toBe('Recurring50%');
  });

  it('draws one bar per month in the chart colours, with values, month labels and a y axis', () => {
    const card = renderPreviewCard(view(), document);
    const bars = [...card.querySelectorAll<HTMLElement>('[data-testid="dbn-preview-chart"] > div')];
    expect(bars.map((bar) => bar.style.background)).toEqual([
      'rgb(15, 118, 110)',
      'rgb(249, 115, 22)',
      'rgb(139, 92, 246)',
      'rgb(15, 118, 110)',
    ]);
    // 3,100 is the largest month; the axis tops out at 5,000.
    expect(bars.map((bar) => bar.style.height)).toEqual(['24%', '9%', '62%', '15.6%']);
    expect(bars.map((bar) => bar.textContent)).toEqual(['1.2K', '450', '3.1K', '780']);
    expect([...card.querySelectorAll('.dbn-preview__x-axis span')].map((span) => span.textContent)).toEqual([
      'Jan',
      'Feb',
      'Mar',
      'Apr',
    ]);
    expect([...card.querySelectorAll('.dbn-preview__y-axis span')].map((span) => span.textContent)).toEqual([
      '5K',
      '2.5K',
      '0',
    ]);
    expect(card.querySelector('[role="img"]')?.getAttribute('aria-label')).toBe(
      'Amount by month: Jan 1,200, Feb 450, Mar 3,100, Apr 780',
    );
  });

  it('renders the rows as a table with column headers, inside a focusable scroll box', () => {
    const card = renderPreviewCard(view(), document);
    const headers = [...card.querySelectorAll('thead th')];
    expect(headers.map((th) => th.textContent)).toEqual([...SAMPLE_COLUMNS]);
    expect(headers.every((th) => th.getAttribute('scope') === 'col')).toBe(true);
    const rows = card.querySelectorAll('[data-testid="dbn-preview-rows"] tr');
    expect(rows).toHaveLength(4);
    expect([...(rows[0]?.querySelectorAll('td') ?? [])].map((td) => td.textContent)).toEqual([
      'acme',
      'EMEA',
      'Germany',
      'Analytics',
      '1,200',
      '2024-01-15',
      'yes',
    ]);
    const box = card.querySelector('table')?.parentElement;
    expect(box?.getAttribute('tabindex')).toBe('0');
    expect(box?.getAttribute('role')).toBe('region');
  });

  it("shows a team's own columns: their names as headers, numbers right-aligned, empty cells as a dash", () => {
    const rows = [
      { tenant: 'acme', 'order status': 'shipped', orderTotal: 1234.5, placedAt: '2024-03-02', gift: true },
      { tenant: 'acme', 'order status': 'open', orderTotal: 80, placedAt: '2024-04-11', gift: null },
    ];
    const card = renderPreviewCard(
      view({ payload: { ...payload, columns: readColumns(rows), rows, filters: [] } }),
      document,
    );
    const headers = [...card.querySelectorAll('thead th')];
    expect(headers.map((th) => th.textContent)).toEqual([
      'tenant',
      'order status',
      'orderTotal',
      'placedAt',
      'gift',
    ]);
    expect(headers[1]?.className).toBe('dbn-preview__col--order-status');
    expect(headers[2]?.classList.contains('dbn-preview__number')).toBe(true);
    const cells = [...card.querySelectorAll('[data-testid="dbn-preview-rows"] tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent),
    );
    expect(cells).toEqual([
      ['acme', 'shipped', '1,234.5', '2024-03-02', 'yes'],
      ['acme', 'open', '80', '2024-04-11', '—'],
    ]);
    expect(text(card, 'dbn-preview-kpi-total')).toBe('Total order total1,315');
    expect(text(card, 'dbn-preview-kpi-share')).toBe('Gift50%');
    expect(card.querySelector('figcaption')?.textContent).toBe('Order total by month');
  });

  it('labels the card and its parts with ids that exist in it', () => {
    const card = renderPreviewCard(view(), document);
    const labelled = [card, ...card.querySelectorAll('[aria-labelledby]')];
    for (const element of labelled) {
      const id = element.getAttribute('aria-labelledby') ?? '';
      expect(id).toMatch(/^dbn-preview-dashboard-7-/);
      expect(card.querySelector(`[id="${id}"]`)?.textContent).not.toBe('');
    }
    expect(card.localName).toBe('section');
  });

  it('applies the theme as custom properties, and the size from the layout', () => {
    const card = renderPreviewCard(
      view({ layout: { width: 320, height: 260, fullscreen: false } }),
      document,
    );
    expect(card.dataset.accent).toBe('#0f766e');
    expect(card.style.getPropertyValue('--dbn-accent')).toBe('#0f766e');
    expect(card.style.getPropertyValue('--dbn-font')).toBe('Georgia, serif');
    expect(card.style.width).toBe('320px');
    expect(card.style.height).toBe('260px');
    // A card of fixed height scrolls, so it can take the keyboard focus.
    expect(card.getAttribute('tabindex')).toBe('0');
    const fill = renderPreviewCard(
      view({ layout: { width: 320, height: undefined, fullscreen: true } }),
      document,
    );
    expect(fill.style.width).toBe('');
    expect(fill.classList.contains('dbn-preview--fill')).toBe(true);
    expect(fill.hasAttribute('tabindex')).toBe(false);
  });

  it('shows the message and options while waiting, and an empty chart without rows', () => {
    const card = renderPreviewCard(
      view({
        status: 'expired',
        message: 'Token expired — Please reload.',
        payload: undefined,
        token: undefined,
        options: { hideDashboardName: true },
        theme: DEFAULT_PREVIEW_THEME,
      }),
      document,
    );
    expect(text(card, 'dbn-preview-message')).toBe('Token expired — Please reload.');
    expect(text(card, 'dbn-preview-client')).toBe('—');
    expect(text(card, 'dbn-preview-token')).toBe('—');
    expect(JSON.parse(text(card, 'dbn-preview-options') ?? '')).toEqual({ hideDashboardName: true });
    expect(text(card, 'dbn-preview-filters')).toBe('no filters');
    expect(card.querySelectorAll('[data-testid="dbn-preview-chart"] > div')).toHaveLength(0);
    expect(card.textContent).toContain('No rows for this token.');
  });

  it('writes values as text, never as markup', () => {
    const card = renderPreviewCard(
      view({ embedId: '<img src=x onerror=alert(1)>', payload: undefined }),
      document,
    );
    expect(card.querySelector('img')).toBeNull();
    expect(text(card, 'dbn-preview-embed')).toBe('<img src=x onerror=alert(1)>');
  });

  it('gives the same DOM for the same view', () => {
    expect(renderPreviewCard(view(), document).outerHTML).toBe(renderPreviewCard(view(), document).outerHTML);
  });

  it('has no serious or critical accessibility violation that axe can see without layout', async () => {
    document.documentElement.lang = 'en';
    document.title = 'Preview card';
    const card = renderPreviewCard(
      view({ layout: { width: 320, height: 260, fullscreen: false } }),
      document,
    );
    const main = document.createElement('main');
    main.append(card);
    document.body.append(main);
    try {
      const results = await axe.run(main, { resultTypes: ['violations'] });
      const serious = results.violations.filter(
        (violation) => violation.impact === 'serious' || violation.impact === 'critical',
      );
      expect(serious.map((violation) => `${violation.id}: ${violation.nodes.length}`)).toEqual([]);
    } finally {
      main.remove();
    }
  });
});
