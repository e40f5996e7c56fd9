import { act } from '@testing-library/react';
import { vi } from 'vitest';
import type { TokenEndpointResponse } from '../TokenEndpointResponse.ts';

/** A stand-in for a DataBrain element that records what it receives. */
export class RecordingElement extends HTMLElement {
  static created: RecordingElement[] = [];
  readonly propertySets: [string, unknown][] = [];
  readonly values: Record<string, unknown> = {};
  connections = 0;

  constructor() {
    super();
    (this.constructor as typeof RecordingElement).created.push(this);
  }

  connectedCallback(): void {
    this.connections += 1;
  }

  /** The last value set through the `name` property. */
  property(name: string): unknown {
    return this.values[name];
  }
}

function defineWithProperties(tag: string, properties: readonly string[]): typeof RecordingElement {
  const existing = customElements.get(tag);
  if (existing) return existing as typeof RecordingElement;
  const element = class extends RecordingElement {
    static override created: RecordingElement[] = [];
  };
  for (const name of properties) {
    Object.defineProperty(element.prototype, name, {
      configurable: true,
      get(this: RecordingElement) {
        return this.values[name];
      },
      set(this: RecordingElement, value: unknown) {
        this.propertySets.push([name, value]);
        this.values[name] = value;
      },
    });
  }
  customElements.define(tag, element);
  return element;
}

/** Defines recording `dbn-dashboard` and `dbn-metric` elements (once per test file). */
export function defineRecordingElements(): {
  DashboardElement: typeof RecordingElement;
  MetricElement: typeof RecordingElement;
} {
  return {
    DashboardElement: defineWithProperties('dbn-dashboard', ['token', 'dashboardId', 'options', 'theme']),
    MetricElement: defineWithProperties('dbn-metric', ['token', 'metricId', 'theme', 'chartColors']),
  };
}

/** The recording element with this tag in the document; throws when there is none. */
export function recorded(tag: 'dbn-dashboard' | 'dbn-metric'): RecordingElement {
  const element = document.querySelector(tag);
  if (!(element instanceof RecordingElement)) throw new Error(`no ${tag} in the document`);
  return element;
}

/** A loader that defines the recording elements, counting its calls. */
export function recordingLoader(): () => Promise<void> {
  return vi.fn(async () => {
    defineRecordingElements();
  });
}

/** A token source handing out `token-1`, `token-2`… that live `lifetime` ms. */
export function countingTokenSource(
  lifetime: number | null = 600_000,
): ReturnType<typeof vi.fn<(signal: AbortSignal) => Promise<TokenEndpointResponse>>> {
  let count = 0;
  return vi.fn(async (_signal: AbortSignal) => {
    count += 1;
    return { token: `token-${count}`, expiresIn: lifetime };
  });
}

/**
 * Advances fake time inside `act`, letting promises settle. In steps, because
 * React 18 renders queued updates only when an `act` scope ends, and effects
 * that schedule the next timer must run on the way.
 */
export async function advance(ms = 0): Promise<void> {
  const step = Math.max(1000, Math.ceil(ms / 200));
  let remaining = ms;
  do {
    const now = Math.min(step, remaining);
    await act(() => vi.advanceTimersByTimeAsync(now));
    remaining -= now;
  } while (remaining > 0);
}
