import { definePreviewElements } from '@databrain-embed/emulator/elements';
import {
  Dashboard,
  DatabrainProvider,
  type DatabrainServerEvent,
  type ReceivedToken,
} from '@databrain-embed/react';
import { cleanup, render } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';

const emulatorUrl = inject('emulatorUrl');
const tokenEndpointUrl = inject('tokenEndpointUrl');
const loadPreviewElements = () => definePreviewElements({ apiUrl: emulatorUrl });

afterEach(() => {
  cleanup();
});

function renderDashboard(
  user: string,
  options: {
    refreshMargin?: number;
    onTokenRefresh?: (token: ReceivedToken) => void;
    onServerEvent?: (event: DatabrainServerEvent) => void;
  } = {},
) {
  const { onServerEvent, ...providerOptions } = options;
  return render(
    <StrictMode>
      <DatabrainProvider
        tokenEndpoint={`${tokenEndpointUrl}?user=${user}`}
        loadElements={loadPreviewElements}
        scope={user}
        {...providerOptions}
      >
        <Dashboard dashboardId="sales-overview" {...(onServerEvent ? { onServerEvent } : {})} />
      </DatabrainProvider>
    </StrictMode>,
  );
}

async function findDashboard(container: HTMLElement): Promise<HTMLElement> {
  return vi.waitFor(
    () => {
      const element = container.querySelector<HTMLElement>('dbn-dashboard');
      expect(element?.querySelector('[data-testid="dbn-preview-status"]')?.textContent).toBe('ready');
      return element as HTMLElement;
    },
    { timeout: 20_000, interval: 50 },
  );
}

function text(element: HTMLElement, name: string): string {
  return element.querySelector(`[data-testid="dbn-preview-${name}"]`)?.textContent ?? '';
}

describe('<DatabrainProvider> and <Dashboard> in Chromium, against the emulator and the real token handler', () => {
  it('shows the claims of the token the handler minted for the signed-in user', async () => {
    const { container } = renderDashboard('acme-analyst');
    const dashboard = await findDashboard(container);
    expect(text(dashboard, 'client')).toBe('acme');
    expect(text(dashboard, 'embed')).toBe('sales-overview');
    expect(text(dashboard, 'data-app')).toBe('demo-app');
    expect(text(dashboard, 'permissions')).toBe(
      'granted: isEnableUnderlyingData, isEnableDownloadMetrics · denied: isEnableManageMetrics',
    );
    expect(text(dashboard, 'expiry')).toMatch(/^expires in 3[56]\d\ds$/);
    const tenants = [...dashboard.querySelectorAll('[data-testid="dbn-preview-rows"] tr td:first-child')].map(
      (cell) => cell.textContent,
    );
    expect(tenants.length).toBeGreaterThan(0);
    expect(new Set(tenants)).toEqual(new Set(['acme']));
  });

  it('shows another tenant only its own rows', async () => {
    const { container } = renderDashboard('globex-viewer');
    const dashboard = await findDashboard(container);
    expect(text(dashboard, 'client')).toBe('globex');
    expect(dashboard.textContent).not.toContain('acme');
  });

  it('refreshes a 4-second token 2 seconds before expiry, in the same element', async () => {
    const received: ReceivedToken[] = [];
    const { container } = renderDashboard('acme-short', {
      refreshMargin: 2_000,
      onTokenRefresh: (token) => received.push(token),
    });
    const dashboard = await findDashboard(container);
    const instance = dashboard.dataset.instance;
    const firstToken = text(dashboard, 'token');
    expect(dashboard.dataset.tokenVersion).toBe('0');
    expect(received).toHaveLength(1);
    const started = Date.now();

    await vi.waitFor(() => expect(dashboard.dataset.tokenVersion).toBe('1'), {
      timeout: 10_000,
      interval: 50,
    });
    // Refreshed before the token lapsed (about 2 s in), not after.
    expect(Date.now() - started).toBeLessThan(3_500);
    await findDashboard(container);
    expect(container.querySelectorAll('dbn-dashboard')).toHaveLength(1);
    expect(container.querySelector('dbn-dashboard')).toBe(dashboard);
    expect(dashboard.dataset.instance).toBe(instance);
    expect(text(dashboard, 'token')).not.toBe(firstToken);
    expect(received).toHaveLength(2);
    expect(received[1]?.token.startsWith(text(dashboard, 'token').slice(0, 8))).toBe(true);
    expect(text(dashboard, 'client')).toBe('acme');
  });

  it('fetches a new token at once when the element signals TOKEN_EXPIRED', async () => {
    const received: ReceivedToken[] = [];
    const events: DatabrainServerEvent[] = [];
    const { container } = renderDashboard('acme-analyst', {
      onTokenRefresh: (token) => received.push(token),
      onServerEvent: (event) => events.push(event),
    });
    const dashboard = await findDashboard(container);
    const firstToken = text(dashboard, 'token');
    expect(received).toHaveLength(1);

    // What the element does when DataBrain says the token expired: call the
    // global named in its handle-server-event attribute.
    const name = dashboard.getAttribute('handle-server-event');
    expect(name).toMatch(/\S/);
    const handler = (window as unknown as Record<string, unknown>)[name ?? ''];
    expect(typeof handler).toBe('function');
    const signalled = Date.now();
    (handler as (event: DatabrainServerEvent) => void)({ type: 'TOKEN_EXPIRED', message: 'Token expired' });

    // The one-hour token had 59 minutes left: only the signal explains a new request now.
    await vi.waitFor(() => expect(dashboard.dataset.tokenVersion).toBe('1'), {
      timeout: 5_000,
      interval: 25,
    });
    expect(Date.now() - signalled).toBeLessThan(2_000);
    expect(received).toHaveLength(2);
    expect(events).toEqual([{ type: 'TOKEN_EXPIRED', message: 'Token expired' }]);
    await findDashboard(container);
    expect(container.querySelector('dbn-dashboard')).toBe(dashboard);
    expect(text(dashboard, 'token')).not.toBe(firstToken);

    // A second signal for the same (old) token does not start another request.
    (handler as (event: DatabrainServerEvent) => void)({ type: 'TOKEN_EXPIRED' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(received.length).toBeLessThanOrEqual(3);
  });
});
