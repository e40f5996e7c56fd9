import type { ElementsLoader } from '../index.ts';

/**
 * One property assignment a recording element received.
 *
 * @example
 * ```ts
 * import type { RecordedPropertySet } from '@databrain-embed/react/testing';
 * const set: RecordedPropertySet = { name: 'token', value: 'tok-1' };
 * ```
 */
export interface RecordedPropertySet {
  readonly name: string;
  readonly value: unknown;
}

/**
 * One attribute change a recording element received (`value: null` = removed).
 *
 * @example
 * ```ts
 * import type { RecordedAttributeChange } from '@databrain-embed/react/testing';
 * const change: RecordedAttributeChange = { name: 'dashboard-id', value: 'sales-overview' };
 * ```
 */
export interface RecordedAttributeChange {
  readonly name: string;
  readonly value: string | null;
}

/**
 * A stand-in `dbn-dashboard` / `dbn-metric` that renders nothing and records
 * what it receives, as DataBrain's element would receive it: DOM properties
 * (`token`, `options`, `theme`, `chartColors`, …) and attributes
 * (`dashboard-id`, `handle-server-event`, …).
 *
 * @example
 * ```ts
 * const element = getRecordedElement('dbn-dashboard');
 * element.tokens; // ['tok-1', 'tok-2']
 * element.properties.options; // { hideDashboardName: true }
 * element.getAttribute('dashboard-id'); // 'sales-overview'
 * ```
 */
export interface RecordingElement extends HTMLElement {
  /** The last value of each property set on the element, by property name. */
  readonly properties: Readonly<Record<string, unknown>>;
  /** Every property assignment, oldest first. */
  readonly propertySets: readonly RecordedPropertySet[];
  /** Every change of an attribute DataBrain's element observes, oldest first. */
  readonly attributeChanges: readonly RecordedAttributeChange[];
  /** Every token the element got (as a property or an attribute), oldest first, repeats dropped. */
  readonly tokens: readonly string[];
  /** The token it holds now, or `null`. */
  readonly currentToken: string | null;
  /** How many times it was connected to a document (a remount makes a new element). */
  readonly connections: number;
  /**
   * Calls the global function named in `handle-server-event`, as DataBrain's
   * element reports events (e.g. `{ type: 'TOKEN_EXPIRED' }`). Throws when the
   * element has no handler.
   */
  sendServerEvent(event: { readonly type: string; readonly message?: string }): void;
}

/** The properties DataBrain's elements define, per tag (from their observed attributes). */
const PROPERTIES: Readonly<Record<RecordingTag, readonly string[]>> = {
  'dbn-dashboard': ['token', 'dashboardId', 'options', 'theme'],
  'dbn-metric': [
    'token',
    'metricId',
    'theme',
    'chartRendererType',
    'chartColors',
    'height',
    'width',
    'variant',
    'onMinimize',
  ],
};

const ATTRIBUTES: readonly string[] = [
  'token',
  'dashboard-id',
  'metric-id',
  'options',
  'theme',
  'chart-renderer-type',
  'chart-colors',
  'height',
  'width',
  'variant',
  'class-name',
  'on-minimize',
  'handle-server-event',
];

/**
 * The two tags a recording element can have.
 *
 * @example
 * ```ts
 * import type { RecordingTag } from '@databrain-embed/react/testing';
 * const tag: RecordingTag = 'dbn-metric';
 * ```
 */
export type RecordingTag = 'dbn-dashboard' | 'dbn-metric';

/** Marks the classes defined here, so a second call recognises them. */
const RECORDING = Symbol.for('databrain-embed.recordingElement');

function createRecordingClass(tag: RecordingTag): CustomElementConstructor {
  class Recording extends HTMLElement implements RecordingElement {
    static observedAttributes: readonly string[] = ATTRIBUTES;
    static readonly [RECORDING] = true;

    readonly properties: Record<string, unknown> = {};
    readonly propertySets: RecordedPropertySet[] = [];
    readonly attributeChanges: RecordedAttributeChange[] = [];
    readonly tokens: string[] = [];
    currentToken: string | null = null;
    connections = 0;

    connectedCallback(): void {
      this.connections += 1;
    }

    attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
      this.attributeChanges.push({ name, value });
      if (name === 'token') this.#receiveToken(value);
    }

    sendServerEvent(event: { readonly type: string; readonly message?: string }): void {
      const name = this.getAttribute('handle-server-event');
      const handler = name ? (globalThis as Record<string, unknown>)[name] : undefined;
      if (typeof handler !== 'function') {
        throw new Error(
          `[databrain-embed] <${tag}> has no handle-server-event function to call (attribute: ${JSON.stringify(name)}).`,
        );
      }
      handler(event);
    }

    record(name: string, value: unknown): void {
      this.propertySets.push({ name, value });
      this.properties[name] = value;
      if (name === 'token') this.#receiveToken(typeof value === 'string' ? value : null);
    }

    #receiveToken(token: string | null): void {
      this.currentToken = token;
      if (token !== null && this.tokens.at(-1) !== token) this.tokens.push(token);
    }
  }
  for (const name of PROPERTIES[tag]) {
    Object.defineProperty(Recording.prototype, name, {
      configurable: true,
      get(this: Recording) {
        return this.properties[name];
      },
      set(this: Recording, value: unknown) {
        this.record(name, value);
      },
    });
  }
  return Recording;
}

/**
 * Defines recording stand-ins for `dbn-dashboard` and `dbn-metric` in a DOM
 * test environment (jsdom, happy-dom; Vitest or Jest). Safe to call again; it
 * throws if another element already has one of the tags.
 *
 * @example
 * ```ts
 * import { defineRecordingElements } from '@databrain-embed/react/testing';
 * defineRecordingElements();
 * ```
 */
export function defineRecordingElements(): void {
  if (typeof customElements === 'undefined') {
    throw new Error(
      '[databrain-embed] defineRecordingElements needs a DOM test environment (jsdom or happy-dom).',
    );
  }
  for (const tag of ['dbn-dashboard', 'dbn-metric'] as const) {
    const existing = customElements.get(tag) as
      | (CustomElementConstructor & { [RECORDING]?: true })
      | undefined;
    if (existing === undefined) customElements.define(tag, createRecordingClass(tag));
    else if (existing[RECORDING] !== true) {
      throw new Error(
        `[databrain-embed] <${tag}> is already defined by something else; define the recording elements before any other loader runs.`,
      );
    }
  }
}

/**
 * An `ElementsLoader` for `<DatabrainProvider loadElements>` that defines the
 * recording elements instead of importing DataBrain's.
 *
 * @example
 * ```tsx
 * import { recordingElementsLoader } from '@databrain-embed/react/testing';
 * <DatabrainProvider fetchToken={source} loadElements={recordingElementsLoader}>…</DatabrainProvider>;
 * ```
 */
export const recordingElementsLoader: ElementsLoader = async () => {
  defineRecordingElements();
};

/**
 * Every recording element with `tag` under `root`, in document order.
 *
 * @example
 * ```ts
 * import { getRecordedElements } from '@databrain-embed/react/testing';
 * getRecordedElements('dbn-metric', container).map((metric) => metric.getAttribute('metric-id'));
 * ```
 */
export function getRecordedElements(tag: RecordingTag, root: ParentNode = document): RecordingElement[] {
  return [...root.querySelectorAll(tag)].filter(
    (element): element is RecordingElement =>
      (element.constructor as { [RECORDING]?: true })[RECORDING] === true,
  );
}

/**
 * The `index`-th recording element with `tag` under `root`; throws, saying
 * what is on the page, when there is none (e.g. still loading).
 *
 * @example
 * ```ts
 * import { getRecordedElement } from '@databrain-embed/react/testing';
 * await waitFor(() => expect(getRecordedElement('dbn-dashboard').currentToken).toBe('tok-1'));
 * ```
 */
export function getRecordedElement(
  tag: RecordingTag,
  root: ParentNode = document,
  index = 0,
): RecordingElement {
  const found = getRecordedElements(tag, root)[index];
  if (!found) {
    throw new Error(
      `[databrain-embed] no recording <${tag}> #${index} yet (${getRecordedElements(tag, root).length} found); is the provider still loading, or was recordingElementsLoader not passed as loadElements?`,
    );
  }
  return found;
}
