import { PreviewElementModel, type PreviewServerEvent } from './preview/PreviewElementModel.ts';
import { installPreviewStyles } from './preview/previewStyles.ts';
import { renderPreviewCard } from './preview/renderPreviewCard.ts';

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
  /** Base URL of a running emulator (any origin, e.g. `http://emulator.local`, with `fetch` below). */
  readonly apiUrl: string;
  /**
   * What the elements load their data with; default the global `fetch`.
   * Pass an in-page emulator's `fetch` (`createEmulatorHandler` from
   * `@databrain-embed/emulator/handler`) to serve a page with no backend,
   * e.g. a static Storybook.
   */
  readonly fetch?: (input: string, init: RequestInit) => Promise<Response>;
}

/** Shared by the two element classes of one registry; a later call updates it. */
interface PreviewSettings {
  apiUrl: string;
  fetch: PreviewElementsOptions['fetch'];
  created: number;
}

/** Marks the classes this module defined, so a second call can find their settings. */
const SETTINGS = Symbol.for('databrain-embed.previewSettings');

type PreviewElementClass = CustomElementConstructor & { [SETTINGS]?: PreviewSettings };

function callGlobal(handlerName: string, event: PreviewServerEvent): void {
  const handler = (globalThis as Record<string, unknown>)[handlerName];
  if (typeof handler === 'function') handler(event);
}

function createElementClass(kind: 'dashboard' | 'metric', settings: PreviewSettings): PreviewElementClass {
  class PreviewElement extends HTMLElement {
    static observedAttributes: string[] = PreviewElementModel.attributesOf(kind);
    static [SETTINGS]: PreviewSettings = settings;

    static {
      // Properties mirror DataBrain's (token, dashboardId, options, …).
      for (const property of PreviewElementModel.propertiesOf(kind)) {
        Object.defineProperty(PreviewElement.prototype, property, {
          configurable: true,
          get(this: PreviewElement) {
            return this.#model.getProperty(property);
          },
          set(this: PreviewElement, value: unknown) {
            this.#model.setProperty(property, value);
          },
        });
      }
    }

    readonly #model: PreviewElementModel = new PreviewElementModel({
      kind,
      instance: `${kind}-${++settings.created}`,
      apiUrl: () => settings.apiUrl,
      // Read at every load, so that a later definePreviewElements call takes effect.
      fetch: (input, init) => (settings.fetch ?? globalThis.fetch)(input, init),
      origin: typeof location === 'undefined' ? '' : location.host,
      onChange: (change) => this.#update(change),
      onServerEvent: callGlobal,
    });

    attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
      this.#model.attributeChanged(name, value);
    }

    connectedCallback(): void {
      installPreviewStyles(this.ownerDocument);
      if (!this.hasAttribute('data-instance')) this.setAttribute('data-instance', this.#model.instance);
      this.#model.connect();
      this.#update('view');
    }

    disconnectedCallback(): void {
      this.#model.disconnect();
    }

    #update(change: 'view' | 'expiry'): void {
      if (this.#model.tokenVersion >= 0)
        this.setAttribute('data-token-version', String(this.#model.tokenVersion));
      if (!this.isConnected) return;
      const expiry = this.querySelector('[data-testid="dbn-preview-expiry"]');
      if (change === 'expiry' && expiry) expiry.textContent = this.#model.expiryText();
      else this.replaceChildren(renderPreviewCard(this.#model.view(), this.ownerDocument));
    }
  }
  return PreviewElement;
}

/**
 * Defines `dbn-dashboard` and `dbn-metric` stand-ins that read the emulator
 * at `apiUrl` as DataBrain's elements read DataBrain: same attributes and
 * properties, the guest token in `X-Plugin-Token`, `TOKEN_EXPIRED` through
 * the global function named in `handle-server-event`. They draw a small
 * dashboard in the light DOM (KPI tiles, a bar chart, the token's claims and
 * filters, the rows), themed by `theme` and `chartColors`. Calling it again
 * only updates `apiUrl` and `fetch`.
 *
 * @example
 * ```ts
 * import { definePreviewElements } from '@databrain-embed/emulator/elements';
 * await definePreviewElements({ apiUrl: 'http://127.0.0.1:4555' });
 * document.body.innerHTML = '<dbn-dashboard token="…" dashboard-id="sales-overview"></dbn-dashboard>';
 * ```
 */
export function definePreviewElements(options: PreviewElementsOptions): Promise<void> {
  if (typeof customElements === 'undefined') {
    return Promise.reject(
      new Error('[databrain-embed] definePreviewElements needs a browser (customElements).'),
    );
  }
  const existing = (customElements.get('dbn-dashboard') ?? customElements.get('dbn-metric')) as
    | PreviewElementClass
    | undefined;
  const settings: PreviewSettings = existing?.[SETTINGS] ?? {
    apiUrl: options.apiUrl,
    fetch: options.fetch,
    created: 0,
  };
  settings.apiUrl = options.apiUrl;
  settings.fetch = options.fetch;
  for (const kind of ['dashboard', 'metric'] as const) {
    const tag = `dbn-${kind}`;
    if (!customElements.get(tag)) customElements.define(tag, createElementClass(kind, settings));
  }
  return Promise.all([
    customElements.whenDefined('dbn-dashboard'),
    customElements.whenDefined('dbn-metric'),
  ]).then(() => undefined);
}
