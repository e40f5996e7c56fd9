import type { FilterReport } from './filterRows.ts';
import { isRecord } from './isRecord.ts';
import type { PreviewPayload } from './PreviewPayload.ts';
import { describeFilter, describePermissions, formatExpiry, parseJsonAttribute } from './previewFormat.ts';

/**
 * Options of {@link definePreviewElements}.
 *
 * @example
 * ```ts
 * import type { PreviewElementsOptions } from '@databrain-embed/emulator/elements';
 * const options: PreviewElementsOptions = { apiUrl: 'http://127.0.0.1:4555' };
 * ```
 */
export interface PreviewElementsOptions {
  /** Base URL of a running emulator. */
  readonly apiUrl: string;
}

type Status = 'loading' | 'ready' | 'expired' | 'error';
type Kind = 'dashboard' | 'metric';

const DEFAULT_ACCENT = '#4f46e5';
const DEFAULT_BAR_COLORS = ['#4f46e5', '#0ea5e9', '#10b981', '#f59e0b', '#ef4444'];

let config: PreviewElementsOptions | undefined;
let instances = 0;

function h(tag: string, style: string, text?: string, testId?: string): HTMLElement {
  const node = document.createElement(tag);
  if (style) node.setAttribute('style', style);
  if (text !== undefined) node.textContent = text;
  if (testId) node.setAttribute('data-testid', testId);
  return node;
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined;
}

function createElementClass(kind: Kind): CustomElementConstructor {
  const idAttribute = kind === 'dashboard' ? 'dashboard-id' : 'metric-id';
  const jsonProps = new Set(['options', 'theme', 'chartColors']);
  const attributeToProp: Readonly<Record<string, string>> = {
    token: 'token',
    [idAttribute]: kind === 'dashboard' ? 'dashboardId' : 'metricId',
    options: 'options',
    theme: 'theme',
    width: 'width',
    height: 'height',
    variant: 'variant',
    'chart-colors': 'chartColors',
    'handle-server-event': 'handleServerEvent',
  };

  class PreviewElement extends HTMLElement {
    static observedAttributes: string[] = Object.keys(attributeToProp);

    static {
      // Properties mirror DataBrain's (token, dashboardId, options, …); a
      // static block may use the private accessors below.
      for (const [attribute, prop] of Object.entries(attributeToProp)) {
        if (attribute === 'handle-server-event') continue;
        Object.defineProperty(PreviewElement.prototype, prop, {
          configurable: true,
          get(this: PreviewElement) {
            return this.#get(prop);
          },
          set(this: PreviewElement, value: unknown) {
            this.#set(prop, value);
          },
        });
      }
    }

    readonly #values = new Map<string, unknown>();
    readonly #instance = `${kind}-${++instances}`;
    #status: Status = 'loading';
    #message = '';
    #payload: PreviewPayload | undefined;
    #expiresAt: number | null = null;
    #tokenVersion = -1;
    #signalledToken: string | undefined;
    #request = 0;
    #abort: AbortController | undefined;
    #timer: ReturnType<typeof setInterval> | undefined;
    #card: HTMLElement | undefined;

    attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
      const prop = attributeToProp[name];
      if (prop === undefined) return;
      if (jsonProps.has(prop)) this.#set(prop, parseJsonAttribute(value));
      else if (prop === 'width' || prop === 'height')
        this.#set(prop, value === null ? undefined : Number.parseFloat(value));
      else this.#set(prop, value ?? undefined);
    }

    connectedCallback(): void {
      if (!this.hasAttribute('data-instance')) this.setAttribute('data-instance', this.#instance);
      this.#card ??= h('div', '');
      if (this.#card.parentNode !== this) this.replaceChildren(this.#card);
      this.#timer ??= setInterval(() => this.#tick(), 1000);
      this.#load();
    }

    disconnectedCallback(): void {
      if (this.#timer !== undefined) clearInterval(this.#timer);
      this.#timer = undefined;
      this.#abort?.abort();
      this.#abort = undefined;
    }

    #get(prop: string): unknown {
      return this.#values.get(prop);
    }

    #set(prop: string, value: unknown): void {
      const before = this.#values.get(prop);
      if (before === value) return;
      this.#values.set(prop, value);
      if (prop === 'token') {
        this.#tokenVersion += 1;
        this.setAttribute('data-token-version', String(Math.max(this.#tokenVersion, 0)));
      }
      if (prop === 'token' || prop === 'dashboardId' || prop === 'metricId') this.#load();
      else this.#render();
    }

    #load(): void {
      const token = this.#get('token');
      const id = this.#get(kind === 'dashboard' ? 'dashboardId' : 'metricId');
      if (!this.isConnected || config === undefined) return;
      this.#abort?.abort();
      if (typeof token !== 'string' || token === '' || typeof id !== 'string' || id === '') {
        this.#show(
          'loading',
          typeof token === 'string' && token !== '' ? `Waiting for ${idAttribute}` : 'Waiting for a token',
        );
        return;
      }
      const request = ++this.#request;
      const abort = new AbortController();
      this.#abort = abort;
      this.#show('loading', 'Loading…');
      const path =
        kind === 'dashboard'
          ? '/api/v2/dashboard?dashboardId='
          : '/api/v2/dashboard/embeddedMetric?metricId=';
      fetch(`${config.apiUrl.replace(/\/$/, '')}${path}${encodeURIComponent(id)}`, {
        headers: {
          'Content-Type': 'application/json',
          'X-Plugin-Token': token,
          'X-Plugin-Origin': location.host,
        },
        signal: abort.signal,
      })
        .then(async (response) => {
          const body = (await response.json()) as {
            data?: PreviewPayload;
            error?: { code?: string; message?: string };
          };
          if (request !== this.#request) return;
          if (response.ok && body.data) {
            this.#payload = body.data;
            this.#expiresAt =
              body.data.claims.expiresInMs === null ? null : Date.now() + body.data.claims.expiresInMs;
            this.#show('ready', '');
          } else if (body.error?.code === 'EXPIRED_TOKEN') {
            this.#expire(body.error.message ?? 'Token expired');
          } else {
            this.#show('error', body.error?.message ?? `The emulator answered ${response.status}`);
          }
        })
        .catch((error: unknown) => {
          if (request !== this.#request || abort.signal.aborted) return;
          this.#show(
            'error',
            `Cannot reach the emulator: ${error instanceof Error ? error.message : String(error)}`,
          );
        });
    }

    #tick(): void {
      if (this.#status !== 'ready') return;
      if (this.#expiresAt !== null && Date.now() >= this.#expiresAt) this.#expire('Token expired');
      else this.#renderExpiry();
    }

    #expire(message: string): void {
      this.#show('expired', 'Token expired');
      const token = this.#get('token');
      if (typeof token !== 'string' || this.#signalledToken === token) return;
      this.#signalledToken = token;
      const name = this.#get('handleServerEvent');
      const handler =
        typeof name === 'string' ? (window as unknown as Record<string, unknown>)[name] : undefined;
      if (typeof handler === 'function') handler({ type: 'TOKEN_EXPIRED', message });
    }

    #show(status: Status, message: string): void {
      this.#status = status;
      this.#message = message;
      this.#render();
    }

    #renderExpiry(): void {
      const node = this.#card?.querySelector('[data-testid="dbn-preview-expiry"]');
      if (!node) return;
      node.textContent =
        this.#status === 'expired'
          ? 'expired'
          : formatExpiry(this.#expiresAt === null ? null : this.#expiresAt - Date.now());
    }

    #render(): void {
      const card = this.#card;
      if (!card) return;
      const theme = this.#get('theme');
      const options = this.#get('options');
      const colors = isRecord(theme) && isRecord(theme.colors) ? theme.colors : {};
      const accent = typeof colors.primary === 'string' ? colors.primary : DEFAULT_ACCENT;
      const barColors =
        stringList(this.#get('chartColors')) ??
        (isRecord(options) ? stringList(options.chartColors) : undefined) ??
        DEFAULT_BAR_COLORS;
      const width = this.#get('width');
      const height = this.#get('height');
      const fullscreen = this.#get('variant') === 'fullscreen';
      card.setAttribute(
        'style',
        [
          'box-sizing:border-box;font:13px/1.45 system-ui,sans-serif;color:#1f2937;background:#fff',
          `border:1px solid #e5e7eb;border-top:4px solid ${accent};border-radius:10px;padding:14px 16px`,
          fullscreen ? 'width:100%' : typeof width === 'number' ? `width:${width}px` : 'max-width:640px',
          typeof height === 'number' ? `height:${height}px;overflow:auto` : '',
        ].join(';'),
      );
      card.setAttribute('data-accent', accent);

      const payload = this.#payload;
      const token = this.#get('token');
      const embedId =
        payload?.embed.embedId ?? String(this.#get(kind === 'dashboard' ? 'dashboardId' : 'metricId') ?? '');
      const header = h(
        'div',
        'display:flex;justify-content:space-between;align-items:center;gap:8px;margin-bottom:8px',
      );
      const title = h('div', 'font-weight:600;font-size:15px');
      title.append(
        h('span', `color:${accent}`, kind === 'dashboard' ? 'Dashboard ' : 'Metric '),
        h('span', '', embedId, 'dbn-preview-embed'),
        h('span', 'color:#6b7280;font-weight:400', payload ? ` · ${payload.embed.name}` : ''),
      );
      const statusColor = { loading: '#6b7280', ready: '#059669', expired: '#b45309', error: '#dc2626' }[
        this.#status
      ];
      header.append(
        title,
        h(
          'span',
          `font-size:11px;padding:2px 8px;border-radius:999px;color:#fff;background:${statusColor}`,
          this.#status,
          'dbn-preview-status',
        ),
      );

      const facts = h('dl', 'display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0 0 8px');
      const fact = (label: string, value: string, testId: string) =>
        facts.append(
          h('dt', 'color:#6b7280', label),
          h('dd', 'margin:0;word-break:break-word', value, testId),
        );
      const claims = payload?.claims;
      fact('client', claims?.clientId ?? '—', 'dbn-preview-client');
      fact('data app', claims?.dataAppName ?? '—', 'dbn-preview-data-app');
      fact(
        'token',
        typeof token === 'string' && token !== '' ? `${token.slice(0, 8)}…` : '—',
        'dbn-preview-token',
      );
      fact('expiry', '', 'dbn-preview-expiry');
      fact('permissions', claims ? describePermissions(claims.permissions) : '—', 'dbn-preview-permissions');
      if (isRecord(options) && Object.keys(options).length > 0)
        fact('options', JSON.stringify(options), 'dbn-preview-options');

      const filters = h('ul', 'margin:0 0 8px;padding-left:18px', undefined, 'dbn-preview-filters');
      const reports: readonly FilterReport[] = payload?.filters ?? [];
      for (const report of reports) filters.append(h('li', '', describeFilter(report)));
      const hidden = claims?.params.hideDashboardFilters ?? [];
      if (hidden.length > 0) filters.append(h('li', '', `hidden dashboard filters: ${hidden.join(', ')}`));
      if (filters.childElementCount === 0) filters.append(h('li', 'color:#6b7280', 'no filters'));

      const children: HTMLElement[] = [header];
      if (this.#message) {
        const tone =
          this.#status === 'expired' ? '#b45309' : this.#status === 'error' ? '#dc2626' : '#6b7280';
        const extra =
          this.#status === 'expired' && isRecord(options) && typeof options.tokenExpiryMessage === 'string'
            ? ` — ${options.tokenExpiryMessage}`
            : '';
        children.push(
          h(
            'p',
            `margin:0 0 8px;color:${tone};font-weight:500`,
            `${this.#message}${extra}`,
            'dbn-preview-message',
          ),
        );
      }
      children.push(facts, h('div', 'color:#6b7280;margin-bottom:2px', 'filters'), filters);

      const rows = payload?.rows ?? [];
      const max = Math.max(1, ...rows.map((row) => row.amount));
      const chart = h(
        'div',
        'display:flex;align-items:flex-end;gap:3px;height:48px;margin:8px 0',
        undefined,
        'dbn-preview-chart',
      );
      rows.forEach((row, index) => {
        const bar = h(
          'div',
          `flex:1;height:${Math.max(4, Math.round((row.amount / max) * 48))}px;border-radius:2px 2px 0 0;background:${barColors[index % barColors.length] ?? accent}`,
        );
        bar.title = `${row.tenant} ${row.amount}`;
        chart.append(bar);
      });
      const table = h('table', 'border-collapse:collapse;width:100%;font-size:12px');
      const head = h('tr', '');
      for (const column of payload?.columns ?? []) {
        head.append(h('th', `text-align:left;border-bottom:2px solid ${accent};padding:3px 6px`, column));
      }
      const thead = h('thead', '');
      thead.append(head);
      const tbody = h('tbody', '', undefined, 'dbn-preview-rows');
      for (const row of rows) {
        const tr = h('tr', '');
        for (const column of payload?.columns ?? []) {
          tr.append(h('td', 'border-bottom:1px solid #f3f4f6;padding:3px 6px', String(row[column])));
        }
        tbody.append(tr);
      }
      table.append(thead, tbody);
      children.push(chart, table);
      card.replaceChildren(...children);
      this.#renderExpiry();
    }
  }

  return PreviewElement;
}

/**
 * Defines `dbn-dashboard` and `dbn-metric` stand-ins that read the emulator
 * at `apiUrl` as DataBrain's elements read DataBrain: same attributes and
 * properties, the guest token in `X-Plugin-Token`, `TOKEN_EXPIRED` through
 * the global function named in `handle-server-event`. They render a readable
 * card in the light DOM. Calling it again only updates `apiUrl`.
 *
 * @example
 * ```ts
 * import { definePreviewElements } from '@databrain-embed/emulator/elements';
 * await definePreviewElements({ apiUrl: 'http://127.0.0.1:4555' });
 * document.body.innerHTML = '<dbn-dashboard token="…" dashboard-id="sales-overview"></dbn-dashboard>';
 * ```
 */
export function definePreviewElements(options: PreviewElementsOptions): Promise<void> {
  config = options;
  if (typeof customElements === 'undefined') {
    return Promise.reject(
      new Error('[databrain-embed] definePreviewElements needs a browser (customElements).'),
    );
  }
  for (const kind of ['dashboard', 'metric'] as const) {
    const tag = `dbn-${kind}`;
    if (!customElements.get(tag)) customElements.define(tag, createElementClass(kind));
  }
  return Promise.all([
    customElements.whenDefined('dbn-dashboard'),
    customElements.whenDefined('dbn-metric'),
  ]).then(() => undefined);
}
