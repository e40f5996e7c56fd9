import { isRecord } from '@databrain-embed/core/guards';
import type { PreviewPayload } from '../PreviewPayload.ts';
import { formatExpiry, parseJsonAttribute } from '../previewFormat.ts';
import { readPreviewTheme } from './readPreviewTheme.ts';
import type { PreviewStatus, PreviewView } from './renderPreviewCard.ts';

/**
 * The event a preview element sends through the global function named in
 * its `handle-server-event` attribute, as DataBrain's elements do.
 *
 * @example
 * ```ts
 * import type { PreviewServerEvent } from '@databrain-embed/emulator/elements';
 * const event: PreviewServerEvent = { type: 'TOKEN_EXPIRED', message: 'Token expired' };
 * ```
 */
export interface PreviewServerEvent {
  readonly type: 'TOKEN_EXPIRED';
  readonly message: string;
}

/**
 * What a {@link PreviewElementModel} needs from its element.
 *
 * @example
 * ```ts
 * const options: PreviewModelOptions = { kind: 'metric', instance: 'metric-1',
 *   apiUrl: () => 'http://127.0.0.1:4555', origin: location.host,
 *   onChange: () => render(), onServerEvent: () => undefined };
 * ```
 */
export interface PreviewModelOptions {
  readonly kind: 'dashboard' | 'metric';
  /** Unique per element on the page (`data-instance`). */
  readonly instance: string;
  /** Base URL of the emulator, read at every load. */
  readonly apiUrl: () => string | undefined;
  /** Sent as `X-Plugin-Origin`, as DataBrain's elements send `location.host`. */
  readonly origin: string;
  /** `view`: redraw the card; `expiry`: only the expiry line changed. */
  readonly onChange: (change: 'view' | 'expiry') => void;
  /** Called once per expired token with the name in `handle-server-event`. */
  readonly onServerEvent: (handlerName: string, event: PreviewServerEvent) => void;
  /** The browser's clock; default `Date.now`. */
  readonly now?: () => number;
  /**
   * What loads the preview data; default the global `fetch`. An in-page
   * emulator's `fetch` (`createEmulatorHandler`) serves a page with no backend.
   */
  readonly fetch?: (input: string, init: RequestInit) => Promise<Response>;
}

/** Attribute → property, as DataBrain's elements name them: the same for both but the embed's id. */
const SHARED_ATTRIBUTES: Readonly<Record<string, string>> = {
  token: 'token',
  options: 'options',
  theme: 'theme',
  'chart-colors': 'chartColors',
  width: 'width',
  height: 'height',
  variant: 'variant',
  'handle-server-event': 'handleServerEvent',
};
const ATTRIBUTES: Readonly<Record<'dashboard' | 'metric', Readonly<Record<string, string>>>> = {
  dashboard: { 'dashboard-id': 'dashboardId', ...SHARED_ATTRIBUTES },
  metric: { 'metric-id': 'metricId', ...SHARED_ATTRIBUTES },
};
const JSON_PROPERTIES = new Set(['options', 'theme', 'chartColors']);
const NUMBER_PROPERTIES = new Set(['width', 'height']);

const nonEmpty = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/**
 * The state of one preview element, without any DOM: its attributes and
 * properties, the token and embed id it loads, the emulator's answer, the
 * status, and the token's expiry on this browser's clock. The element turns
 * attribute changes and connection into calls here and draws {@link view}.
 *
 * @example
 * ```ts
 * import { PreviewElementModel } from '@databrain-embed/emulator/elements';
 * const model = new PreviewElementModel({ kind: 'dashboard', instance: 'dashboard-1',
 *   apiUrl: () => emulatorUrl, origin: 'localhost', onChange: () => undefined, onServerEvent: () => undefined });
 * model.attributeChanged('dashboard-id', 'sales-overview');
 * model.setProperty('token', token);
 * model.connect();
 * ```
 */
export class PreviewElementModel {
  /** Attribute names the element observes, for `observedAttributes`. */
  static attributesOf(kind: 'dashboard' | 'metric'): string[] {
    return Object.keys(ATTRIBUTES[kind]);
  }

  /** Property names the element exposes (`token`, `dashboardId`, …), except `handleServerEvent`. */
  static propertiesOf(kind: 'dashboard' | 'metric'): string[] {
    return Object.values(ATTRIBUTES[kind]).filter((name) => name !== 'handleServerEvent');
  }

  readonly #options: PreviewModelOptions;
  readonly #now: () => number;
  readonly #values = new Map<string, unknown>();
  #status: PreviewStatus = 'loading';
  #message = 'Waiting for a token';
  #payload: PreviewPayload | undefined;
  #expiresAt: number | null = null;
  #tokenVersion = -1;
  #signalledToken: string | undefined;
  #request = 0;
  #abort: AbortController | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;
  #connected = false;

  constructor(options: PreviewModelOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  /** Unique per element on the page (`data-instance`). */
  get instance(): string {
    return this.#options.instance;
  }

  /** How many times the token changed after the first one (`-1` before any token). */
  get tokenVersion(): number {
    return this.#tokenVersion;
  }

  get status(): PreviewStatus {
    return this.#status;
  }

  get #idProperty(): 'dashboardId' | 'metricId' {
    return this.#options.kind === 'dashboard' ? 'dashboardId' : 'metricId';
  }

  /** An attribute changed: parsed as DataBrain parses it (JSON, numbers), bad JSON as no value. */
  attributeChanged(name: string, value: string | null): void {
    const property = ATTRIBUTES[this.#options.kind][name];
    if (property === undefined) return;
    if (JSON_PROPERTIES.has(property)) this.setProperty(property, parseJsonAttribute(value));
    else if (NUMBER_PROPERTIES.has(property)) {
      const parsed = value === null ? Number.NaN : Number.parseFloat(value);
      this.setProperty(property, Number.isFinite(parsed) ? parsed : undefined);
    } else this.setProperty(property, value ?? undefined);
  }

  getProperty(name: string): unknown {
    return this.#values.get(name);
  }

  /** A property was set; a new token or embed id loads again, anything else redraws. */
  setProperty(name: string, value: unknown): void {
    if (this.#values.get(name) === value) return;
    this.#values.set(name, value);
    if (name === 'token') this.#tokenVersion += 1;
    if (this.#connected && (name === 'token' || name === this.#idProperty)) this.load();
    else this.#options.onChange('view');
  }

  /** The element is in the document: load, and count the expiry down every second. */
  connect(): void {
    this.#connected = true;
    this.#timer ??= setInterval(() => this.tick(), 1000);
    this.load();
  }

  /** The element left the document: stop the countdown and the request in flight. */
  disconnect(): void {
    this.#connected = false;
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
    this.#abort?.abort();
    this.#abort = undefined;
  }

  /** Asks the emulator for the embed with the current token (no-op while disconnected). */
  load(): void {
    if (!this.#connected) return;
    this.#abort?.abort();
    this.#abort = undefined;
    const token = nonEmpty(this.#values.get('token'));
    const embedId = nonEmpty(this.#values.get(this.#idProperty));
    const apiUrl = this.#options.apiUrl();
    if (token === undefined || embedId === undefined || apiUrl === undefined) {
      const attribute = this.#options.kind === 'dashboard' ? 'dashboard-id' : 'metric-id';
      this.#show('loading', token === undefined ? 'Waiting for a token' : `Waiting for ${attribute}`);
      return;
    }
    const request = ++this.#request;
    const abort = new AbortController();
    this.#abort = abort;
    this.#show('loading', 'Loading…');
    const path =
      this.#options.kind === 'dashboard'
        ? '/api/v2/dashboard?dashboardId='
        : '/api/v2/dashboard/embeddedMetric?metricId=';
    const load = this.#options.fetch ?? globalThis.fetch;
    load(`${apiUrl.replace(/\/$/, '')}${path}${encodeURIComponent(embedId)}`, {
      headers: {
        'Content-Type': 'application/json',
        'X-Plugin-Token': token,
        'X-Plugin-Origin': this.#options.origin,
      },
      signal: abort.signal,
    })
      .then(async (response) => {
        const body: unknown = await response.json();
        if (request !== this.#request) return;
        const data = isRecord(body) ? body.data : undefined;
        const error = isRecord(body) && isRecord(body.error) ? body.error : {};
        if (response.ok && isRecord(data)) {
          const payload = data as unknown as PreviewPayload;
          this.#payload = payload;
          const lifetime = payload.claims.expiresInMs;
          this.#expiresAt = lifetime === null ? null : this.#now() + lifetime;
          this.#show('ready', '');
        } else if (error.code === 'EXPIRED_TOKEN') {
          this.#expire(typeof error.message === 'string' ? error.message : 'Token expired');
        } else {
          this.#show(
            'error',
            typeof error.message === 'string' ? error.message : `The emulator answered ${response.status}`,
          );
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

  /** One second passed: expire a lapsed token, or update the countdown. */
  tick(): void {
    if (this.#status !== 'ready') return;
    if (this.#expiresAt !== null && this.#now() >= this.#expiresAt) this.#expire('Token expired');
    else this.#options.onChange('expiry');
  }

  /** The expiry line as shown now. */
  expiryText(): string {
    if (this.#status === 'expired') return 'expired';
    if (this.#payload === undefined) return '—';
    return formatExpiry(this.#expiresAt === null ? null : this.#expiresAt - this.#now());
  }

  /** What the card shows now. */
  view(): PreviewView {
    const options = this.#values.get('options');
    const width = this.#values.get('width');
    const height = this.#values.get('height');
    const tokenExpiryMessage =
      this.#status === 'expired' && isRecord(options) && typeof options.tokenExpiryMessage === 'string'
        ? ` — ${options.tokenExpiryMessage}`
        : '';
    return {
      instance: this.#options.instance,
      kind: this.#options.kind,
      embedId: this.#payload?.embed.embedId ?? nonEmpty(this.#values.get(this.#idProperty)) ?? '',
      status: this.#status,
      message: this.#message === '' ? '' : `${this.#message}${tokenExpiryMessage}`,
      payload: this.#payload,
      token: nonEmpty(this.#values.get('token')),
      expiry: this.expiryText(),
      options: isRecord(options) ? options : undefined,
      theme: readPreviewTheme(this.#values.get('theme'), this.#values.get('chartColors'), options),
      layout: {
        width: typeof width === 'number' && width > 0 ? width : undefined,
        height: typeof height === 'number' && height > 0 ? height : undefined,
        fullscreen: this.#values.get('variant') === 'fullscreen',
      },
    };
  }

  #expire(message: string): void {
    this.#show('expired', 'Token expired');
    const token = nonEmpty(this.#values.get('token'));
    if (token === undefined || this.#signalledToken === token) return;
    this.#signalledToken = token;
    const handlerName = nonEmpty(this.#values.get('handleServerEvent'));
    if (handlerName !== undefined)
      this.#options.onServerEvent(handlerName, { type: 'TOKEN_EXPIRED', message });
  }

  #show(status: PreviewStatus, message: string): void {
    this.#status = status;
    this.#message = message;
    this.#options.onChange('view');
  }
}
