import type { PreviewPayload } from '../PreviewPayload.ts';
import { describeFilter, describePermissions } from '../previewFormat.ts';
import type { PreviewColumn } from '../readColumns.ts';
import type { PreviewTheme } from './readPreviewTheme.ts';
import { type RowSummary, summarizeRows } from './summarizeRows.ts';

/**
 * Where a preview element is: waiting or loading, showing data, told its
 * token expired, or failed.
 *
 * @example
 * ```ts
 * import type { PreviewStatus } from '@databrain-embed/emulator/elements';
 * const status: PreviewStatus = 'ready';
 * ```
 */
export type PreviewStatus = 'loading' | 'ready' | 'expired' | 'error';

/**
 * Everything one preview card shows; {@link renderPreviewCard} draws it.
 *
 * @example
 * ```ts
 * import type { PreviewView } from '@databrain-embed/emulator/elements';
 * const view: PreviewView = { instance: 'dashboard-1', kind: 'dashboard', embedId: 'sales-overview',
 *   status: 'loading', message: 'Waiting for a token', payload: undefined, token: undefined,
 *   expiry: '', options: undefined, theme: DEFAULT_PREVIEW_THEME,
 *   layout: { width: undefined, height: undefined, fullscreen: false } };
 * ```
 */
export interface PreviewView {
  /** Unique per element on the page; ids inside the card are built from it. */
  readonly instance: string;
  readonly kind: 'dashboard' | 'metric';
  readonly embedId: string;
  readonly status: PreviewStatus;
  /** Shown above the data while not ready (`''` for none). */
  readonly message: string;
  /** The last answer of the emulator, kept while the next one loads. */
  readonly payload: PreviewPayload | undefined;
  readonly token: string | undefined;
  /** The expiry line, e.g. `expires in 42s` (see `formatExpiry`). */
  readonly expiry: string;
  readonly options: Readonly<Record<string, unknown>> | undefined;
  readonly theme: PreviewTheme;
  readonly layout: {
    /** Pixels; `undefined` lets the card take its container's width, up to 640 px. */
    readonly width: number | undefined;
    /** Pixels; the card then scrolls inside that height. */
    readonly height: number | undefined;
    /** `variant="fullscreen"`: the card fills its container's width. */
    readonly fullscreen: boolean;
  };
}

type Child = Node | string | undefined;

/** Creates `tag` with attributes (skipping undefined ones) and children. */
function node<Tag extends keyof HTMLElementTagNameMap>(
  document: Document,
  tag: Tag,
  attributes: Readonly<Record<string, string | undefined>>,
  ...children: Child[]
): HTMLElementTagNameMap[Tag] {
  const created = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) created.setAttribute(name, value);
  }
  for (const child of children) {
    if (child !== undefined) created.append(child);
  }
  return created;
}

const wholeNumber = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const cellNumber = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const compactNumber = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 0 });

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return cellNumber.format(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

/** `total_amount` → `Total amount`: a column name as a label. */
function labelOf(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

// Team columns are named freely; a class name keeps letters, digits, `_` and `-`.
const classSafe = (name: string) => name.replace(/[^A-Za-z0-9_-]/g, '-');

function header(document: Document, view: PreviewView, titleId: string): HTMLElement {
  const name = view.payload?.embed.name;
  return node(
    document,
    'div',
    { class: 'dbn-preview__header' },
    node(
      document,
      'div',
      { class: 'dbn-preview__title', id: titleId },
      node(
        document,
        'span',
        { class: 'dbn-preview__kind' },
        view.kind === 'dashboard' ? 'Dashboard ' : 'Metric ',
      ),
      node(document, 'span', { 'data-testid': 'dbn-preview-embed' }, view.embedId),
      name === undefined ? undefined : node(document, 'span', { class: 'dbn-preview__name' }, ` · ${name}`),
    ),
    node(
      document,
      'span',
      {
        class: `dbn-preview__status dbn-preview__status--${view.status}`,
        'data-testid': 'dbn-preview-status',
      },
      view.status,
    ),
  );
}

function kpis(document: Document, summary: RowSummary): HTMLElement {
  const tile = (id: string, label: string, value: string) =>
    node(
      document,
      'div',
      { class: 'dbn-preview__kpi', 'data-testid': `dbn-preview-kpi-${id}` },
      node(document, 'span', { class: 'dbn-preview__kpi-label' }, label),
      node(document, 'span', { class: 'dbn-preview__kpi-value' }, value),
    );
  return node(
    document,
    'div',
    { class: 'dbn-preview__kpis', 'data-testid': 'dbn-preview-kpis' },
    summary.measure === undefined
      ? undefined
      : tile('total', `Total ${labelOf(summary.measure).toLowerCase()}`, wholeNumber.format(summary.total)),
    tile('rows', 'Rows', wholeNumber.format(summary.rowCount)),
    summary.measure === undefined
      ? undefined
      : tile('average', 'Average', wholeNumber.format(summary.average)),
    summary.flag === undefined
      ? undefined
      : tile('share', labelOf(summary.flag), percent.format(summary.flagShare)),
  );
}

/** `Amount by month`, `Rows by status`: what the chart shows. */
function chartTitle(summary: RowSummary): string {
  const what = summary.measure === undefined ? 'Rows' : labelOf(summary.measure);
  return summary.groupBy === undefined ? what : `${what} by ${labelOf(summary.groupBy).toLowerCase()}`;
}

function chart(document: Document, summary: RowSummary, theme: PreviewTheme, titleId: string): HTMLElement {
  const title = chartTitle(summary);
  const description =
    summary.bars.length === 0
      ? `${title}: no rows`
      : `${title}: ${summary.bars.map((bar) => `${bar.label} ${wholeNumber.format(bar.value)}`).join(', ')}`;
  const bars = node(document, 'div', { class: 'dbn-preview__bars', 'data-testid': 'dbn-preview-chart' });
  const labels = node(document, 'div', { class: 'dbn-preview__x-axis' });
  summary.bars.forEach((bar, index) => {
    const colour = theme.chartColors[index % theme.chartColors.length] ?? theme.accent;
    bars.append(
      node(
        document,
        'div',
        {
          class: 'dbn-preview__bar',
          style: `height:${(bar.share * 100).toFixed(2)}%;background:${colour}`,
          title: `${bar.key}: ${wholeNumber.format(bar.value)}`,
        },
        node(document, 'span', { class: 'dbn-preview__bar-value' }, compactNumber.format(bar.value)),
      ),
    );
    labels.append(node(document, 'span', {}, bar.label));
  });
  return node(
    document,
    'figure',
    { class: 'dbn-preview__chart', 'aria-labelledby': titleId },
    node(document, 'figcaption', { class: 'dbn-preview__chart-title', id: titleId }, title),
    node(
      document,
      'div',
      { class: 'dbn-preview__plot', role: 'img', 'aria-label': description },
      node(
        document,
        'div',
        { class: 'dbn-preview__y-axis' },
        ...summary.axisTicks.map((tick) => node(document, 'span', {}, compactNumber.format(tick))),
      ),
      bars,
      labels,
    ),
    summary.rowCount === 0
      ? node(document, 'p', { class: 'dbn-preview__empty' }, 'No rows for this token.')
      : summary.bars.length === 0
        ? node(document, 'p', { class: 'dbn-preview__empty' }, 'No date or text column to chart.')
        : undefined,
  );
}

function claims(document: Document, view: PreviewView): HTMLElement {
  const list = node(document, 'dl', { class: 'dbn-preview__claims' });
  const fact = (label: string, value: string, id: string) =>
    list.append(
      node(document, 'dt', {}, label),
      node(document, 'dd', { 'data-testid': `dbn-preview-${id}` }, value),
    );
  const token = view.payload?.claims;
  fact('client', token?.clientId ?? '—', 'client');
  fact('data app', token?.dataAppName ?? '—', 'data-app');
  fact('token', view.token ? `${view.token.slice(0, 8)}…` : '—', 'token');
  fact('expiry', view.expiry, 'expiry');
  fact('permissions', token ? describePermissions(token.permissions) : '—', 'permissions');
  if (view.options && Object.keys(view.options).length > 0) {
    fact('options', JSON.stringify(view.options), 'options');
  }
  return list;
}

function filters(document: Document, view: PreviewView, titleId: string): HTMLElement {
  const list = node(document, 'ul', {
    class: 'dbn-preview__filters',
    'data-testid': 'dbn-preview-filters',
    'aria-labelledby': titleId,
  });
  for (const report of view.payload?.filters ?? [])
    list.append(node(document, 'li', {}, describeFilter(report)));
  const hidden = view.payload?.claims.params.hideDashboardFilters ?? [];
  if (hidden.length > 0)
    list.append(node(document, 'li', {}, `hidden dashboard filters: ${hidden.join(', ')}`));
  if (list.childElementCount === 0) {
    list.append(node(document, 'li', { class: 'dbn-preview__filters-none' }, 'no filters'));
  }
  return list;
}

function table(
  document: Document,
  view: PreviewView,
  columns: readonly PreviewColumn[],
  captionId: string,
): HTMLElement {
  // Text columns stay left-aligned; numbers line up on the right.
  const cellClass = (column: PreviewColumn) =>
    `dbn-preview__col--${classSafe(column.name)}${column.type === 'number' ? ' dbn-preview__number' : ''}`;
  const headRow = node(document, 'tr', {});
  for (const column of columns)
    headRow.append(node(document, 'th', { scope: 'col', class: cellClass(column) }, column.name));
  const body = node(document, 'tbody', { 'data-testid': 'dbn-preview-rows' });
  for (const row of view.payload?.rows ?? []) {
    const line = node(document, 'tr', {});
    for (const column of columns)
      line.append(node(document, 'td', { class: cellClass(column) }, cellText(row[column.name])));
    body.append(line);
  }
  return node(
    document,
    'div',
    // Focusable so that keyboard users can scroll a table wider than its card.
    {
      class: 'dbn-preview__table-box',
      tabindex: '0',
      role: 'region',
      'aria-label': `Rows of ${view.kind} ${view.embedId}`,
    },
    node(
      document,
      'table',
      { class: 'dbn-preview__table' },
      node(document, 'caption', { id: captionId }, 'Rows this token may see'),
      node(document, 'thead', {}, headRow),
      body,
    ),
  );
}

function layoutClass(layout: PreviewView['layout']): string {
  const width = layout.fullscreen
    ? ' dbn-preview--fill'
    : layout.width === undefined
      ? ' dbn-preview--auto'
      : '';
  return `dbn-preview${width}${layout.height === undefined ? '' : ' dbn-preview--fixed-height'}`;
}

function cardStyle(view: PreviewView): string {
  const { layout, theme } = view;
  return [
    `--dbn-accent:${theme.accent}`,
    theme.fontFamily === undefined ? undefined : `--dbn-font:${theme.fontFamily}`,
    !layout.fullscreen && layout.width !== undefined ? `width:${layout.width}px` : undefined,
    layout.height === undefined ? undefined : `height:${layout.height}px`,
  ]
    .filter((part) => part !== undefined)
    .join(';');
}

/**
 * Draws a preview card: a header with the embed and status, KPI tiles and a
 * bar chart computed from the rows the token may see, whatever their columns
 * (see `summarizeRows`; the sample table gives an amount per month), the
 * token's claims (tenant, data app, token prefix, expiry, permissions,
 * options), its filters, and the rows as a table that scrolls inside the card.
 * A pure function of `view`: the same view gives the same DOM. It needs the
 * stylesheet from `installPreviewStyles`.
 *
 * @example
 * ```ts
 * import { renderPreviewCard } from '@databrain-embed/emulator/elements';
 * element.replaceChildren(renderPreviewCard(view, document));
 * ```
 */
export function renderPreviewCard(view: PreviewView, document: Document): HTMLElement {
  const id = (part: string) => `dbn-preview-${view.instance}-${part}`;
  const rows = view.payload?.rows ?? [];
  const columns = view.payload?.columns ?? [];
  const summary = summarizeRows(rows, columns);
  const message =
    view.message === ''
      ? undefined
      : node(
          document,
          'p',
          {
            class: `dbn-preview__message dbn-preview__message--${view.status}`,
            'data-testid': 'dbn-preview-message',
          },
          view.message,
        );
  return node(
    document,
    'section',
    {
      class: layoutClass(view.layout),
      style: cardStyle(view),
      'data-accent': view.theme.accent,
      'aria-labelledby': id('title'),
      // A card of fixed height scrolls, so it must be reachable by keyboard.
      tabindex: view.layout.height === undefined ? undefined : '0',
    },
    header(document, view, id('title')),
    message,
    kpis(document, summary),
    chart(document, summary, view.theme, id('chart')),
    node(document, 'p', { class: 'dbn-preview__section-title' }, 'Token'),
    claims(document, view),
    node(document, 'p', { class: 'dbn-preview__section-title', id: id('filters') }, 'Filters'),
    filters(document, view, id('filters')),
    table(document, view, columns, id('rows')),
  );
}
