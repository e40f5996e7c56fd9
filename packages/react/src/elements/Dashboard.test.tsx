import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DatabrainProvider } from '../DatabrainProvider.tsx';
import type { FetchToken } from '../session/FetchToken.ts';
import { advance, countingTokenSource, recordingLoader } from '../test-utils/componentTests.ts';
import { getRecordedElement, type RecordingElement } from '../testing/defineRecordingElements.ts';
import { Dashboard, type DashboardProps } from './Dashboard.tsx';

const dashboardElement = (): RecordingElement => getRecordedElement('dbn-dashboard');

function renderDashboard(fetchToken: FetchToken, props: Partial<DashboardProps> = {}, scope?: string) {
  const tree = (nextProps: Partial<DashboardProps>, nextScope = scope) => (
    <StrictMode>
      <DatabrainProvider
        fetchToken={fetchToken}
        loadElements={recordingLoader()}
        {...(nextScope ? { scope: nextScope } : {})}
      >
        <Dashboard dashboardId="sales-overview" {...nextProps} />
      </DatabrainProvider>
    </StrictMode>
  );
  const result = render(tree(props));
  return {
    ...result,
    update: (nextProps: Partial<DashboardProps>, nextScope?: string) =>
      result.rerender(tree(nextProps, nextScope)),
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('Dashboard', () => {
  it('shows an accessible placeholder until the token arrives', async () => {
    let resolve: (value: { token: string; expiresIn: number }) => void = () => {};
    renderDashboard(() => new Promise((done) => (resolve = done)));
    await advance();
    expect(screen.getByRole('status').textContent).toBe('Loading dashboard…');
    expect(document.querySelector('dbn-dashboard')).toBeNull();
    resolve({ token: 'tok', expiresIn: 600_000 });
    await advance();
    expect(screen.queryByRole('status')).toBeNull();
    expect(dashboardElement().properties.token).toBe('tok');
  });

  it('sets the token and objects as properties and scalars as kebab-case attributes', async () => {
    const options = { disableMetricCreation: true, chartColors: ['#111', '#222'] };
    const theme = { colors: { primary: '#4f46e5' } };
    renderDashboard(countingTokenSource(), {
      options,
      theme,
      enableDownloadCsv: true,
      disableFullscreen: false,
      language: 'fr',
    });
    await advance();
    const element = dashboardElement();
    expect(element.properties.options).toBe(options);
    expect(element.properties.theme).toBe(theme);
    expect(element.getAttribute('options')).toBeNull();
    expect(element.getAttribute('dashboard-id')).toBe('sales-overview');
    expect(element.getAttribute('enable-download-csv')).toBe('true');
    expect(element.getAttribute('disable-fullscreen')).toBe('false');
    expect(element.getAttribute('language')).toBe('fr');
    expect(element.outerHTML).not.toContain('[object Object]');
  });

  it('writes an object as JSON when the element has no property for it', async () => {
    renderDashboard(countingTokenSource(), { adminThemeOptions: { dashboard: { backgroundColor: '#fff' } } });
    await advance();
    expect(JSON.parse(dashboardElement().getAttribute('admin-theme-options') ?? '')).toEqual({
      dashboard: { backgroundColor: '#fff' },
    });
  });

  it('swaps a refreshed token in place without re-creating the element', async () => {
    renderDashboard(countingTokenSource(100_000));
    await advance();
    const before = dashboardElement();
    expect(before.properties.token).toBe('token-1');
    await advance(80_000);
    expect(dashboardElement()).toBe(before);
    expect(before.tokens).toEqual(['token-1', 'token-2']);
    expect(before.connections).toBe(1);
  });

  it('keeps a short-lived token alive in place: each 1.5 s token is replaced before it expires', async () => {
    renderDashboard(countingTokenSource(1_500));
    await advance();
    const element = dashboardElement();
    for (let elapsed = 0; elapsed < 4_500; elapsed += 100) {
      await advance(100);
      expect(document.querySelector('dbn-dashboard')).toBe(element);
    }
    expect(element.tokens).toEqual(['token-1', 'token-2', 'token-3', 'token-4']);
    expect(element.connections).toBe(1);
  });

  it('updates only what changed', async () => {
    const { update } = renderDashboard(countingTokenSource(), { options: { hideDashboardName: true } });
    await advance();
    const element = dashboardElement();
    const setsBefore = element.propertySets.length;
    update({ options: { hideDashboardName: true } });
    await advance();
    expect(element.propertySets).toHaveLength(setsBefore);
    update({ options: { hideDashboardName: false } });
    await advance();
    expect(element.propertySets.slice(setsBefore)).toEqual([
      { name: 'options', value: { hideDashboardName: false } },
    ]);
  });

  it('removes an attribute when its prop goes away', async () => {
    const { update } = renderDashboard(countingTokenSource(), { themeName: 'dark' });
    await advance();
    expect(dashboardElement().getAttribute('theme-name')).toBe('dark');
    update({});
    await advance();
    expect(dashboardElement().hasAttribute('theme-name')).toBe(false);
  });

  it('puts className and style on a wrapping div, not on the element', async () => {
    const { container } = renderDashboard(countingTokenSource(), {
      className: 'panel',
      style: { height: 600 },
    });
    await advance();
    const wrapper = container.firstElementChild as HTMLElement;
    expect(wrapper.className).toBe('panel');
    expect(wrapper.style.height).toBe('600px');
    expect(dashboardElement().getAttribute('class')).toBeNull();
    expect(dashboardElement().getAttribute('style')).toBeNull();
  });

  it('refreshes at once when the element reports TOKEN_EXPIRED, and hands it the new token', async () => {
    const fetchToken = countingTokenSource();
    const onServerEvent = vi.fn();
    renderDashboard(fetchToken, { onServerEvent });
    await advance();
    const element = dashboardElement();
    const name = element.getAttribute('handle-server-event') ?? '';
    const handler = (window as unknown as Record<string, (event: unknown) => void>)[name];
    expect(typeof handler).toBe('function');
    act(() => handler?.({ type: 'TOKEN_EXPIRED', message: 'Token expired' }));
    await advance();
    expect(fetchToken).toHaveBeenCalledTimes(2);
    expect(element.properties.token).toBe('token-2');
    expect(dashboardElement()).toBe(element);
    expect(onServerEvent).toHaveBeenCalledWith({ type: 'TOKEN_EXPIRED', message: 'Token expired' });
  });

  it('keeps a throwing onServerEvent away from the element: the refresh happens, the throw is reported once', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const fetchToken = countingTokenSource();
    const onServerEvent = vi.fn(() => {
      throw new Error('app bug');
    });
    renderDashboard(fetchToken, { onServerEvent });
    await advance();
    const element = dashboardElement();
    expect(() => act(() => element.sendServerEvent({ type: 'TOKEN_EXPIRED' }))).not.toThrow();
    await advance();
    expect(() => act(() => element.sendServerEvent({ type: 'FILTER_CHANGED' }))).not.toThrow();
    expect(fetchToken).toHaveBeenCalledTimes(2);
    expect(element.currentToken).toBe('token-2');
    expect(onServerEvent).toHaveBeenCalledTimes(2);
    const reports = error.mock.calls.filter(([message]) => String(message).includes('onServerEvent threw'));
    expect(reports).toHaveLength(1);
  });

  it('hands every token to the element, one request per lifetime, when onTokenRefresh throws', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const fetchToken = countingTokenSource(10_000);
    render(
      <DatabrainProvider
        fetchToken={fetchToken}
        loadElements={recordingLoader()}
        onTokenRefresh={() => {
          throw new Error('app bug');
        }}
      >
        <Dashboard dashboardId="sales-overview" />
      </DatabrainProvider>,
    );
    await advance();
    await advance(20_000);
    // Tokens at 0, 8 and 16 s.
    expect(fetchToken).toHaveBeenCalledTimes(3);
    expect(dashboardElement().tokens).toEqual(['token-1', 'token-2', 'token-3']);
    expect(
      error.mock.calls.filter(([message]) => String(message).includes('onTokenRefresh threw')),
    ).toHaveLength(1);
  });

  it('asks for at most one new token per expired token', async () => {
    const fetchToken = countingTokenSource();
    renderDashboard(fetchToken);
    await advance();
    const name = dashboardElement().getAttribute('handle-server-event') ?? '';
    const handler = (window as unknown as Record<string, (event: unknown) => void>)[name];
    act(() => {
      handler?.({ type: 'TOKEN_EXPIRED' });
      handler?.({ type: 'TOKEN_EXPIRED' });
    });
    await advance();
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it('removes its global callback on unmount and makes no request afterwards', async () => {
    const fetchToken = countingTokenSource(10_000);
    const { unmount } = renderDashboard(fetchToken);
    await advance();
    const name = dashboardElement().getAttribute('handle-server-event') ?? '';
    const globals = window as unknown as Record<string, unknown>;
    expect(name).toMatch(/^__databrainEmbed/);
    expect(typeof globals[name]).toBe('function');
    unmount();
    expect(name in globals).toBe(false);
    await advance(60_000);
    expect(fetchToken).toHaveBeenCalledTimes(1);
  });

  it('replaces the element when the scope changes, never showing the old token to the new user', async () => {
    const fetchToken = vi.fn<FetchToken>(async () => ({ token: `for-${user}`, expiresIn: 600_000 }));
    let user = 'alice';
    const { update } = renderDashboard(fetchToken, {}, 'alice');
    await advance();
    const alice = dashboardElement();
    user = 'bob';
    update({}, 'bob');
    expect(document.querySelector('dbn-dashboard')).toBeNull();
    await advance();
    const bob = dashboardElement();
    expect(bob).not.toBe(alice);
    expect(bob.tokens).toEqual(['for-bob']);
  });

  it('shows the default error with a Retry button that fetches a new token', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(1);
    let failing = true;
    const fetchToken = vi.fn<FetchToken>(async () => {
      if (failing) throw new Error('down');
      return { token: 'recovered', expiresIn: 600_000 };
    });
    renderDashboard(fetchToken);
    await advance();
    expect(screen.getByRole('alert').textContent).toContain('The dashboard could not be loaded.');
    failing = false;
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await advance();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(dashboardElement().properties.token).toBe('recovered');
  });

  it('renders a custom fallback and errorFallback', async () => {
    const fetchToken = vi.fn<FetchToken>(async () => {
      throw new Error('no token for you');
    });
    render(
      <DatabrainProvider fetchToken={fetchToken} loadElements={recordingLoader()}>
        <Dashboard
          dashboardId="d"
          fallback={<p>Please wait</p>}
          errorFallback={({ error }) => <p>Failed: {error.code}</p>}
        />
      </DatabrainProvider>,
    );
    expect(screen.getByText('Please wait')).toBeTruthy();
    await advance();
    expect(screen.getByText('Failed: TOKEN_SOURCE')).toBeTruthy();
  });

  it('throws a message naming DatabrainProvider outside one', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<Dashboard dashboardId="d" />)).toThrow(
      /<Dashboard> must be used inside <DatabrainProvider>/,
    );
  });
});
