import { isDatabrainError } from '@databrain-embed/core/errors';
import { cleanup, render, renderHook, screen } from '@testing-library/react';
import { type ReactNode, StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DatabrainProvider, type DatabrainProviderProps } from './DatabrainProvider.tsx';
import { Dashboard } from './elements/Dashboard.tsx';
import type { FetchToken } from './session/FetchToken.ts';
import { advance, countingTokenSource, recordingLoader } from './test-utils/componentTests.ts';
import { useGuestToken } from './useGuestToken.ts';
import { useTokenSession } from './useTokenSession.ts';

function wrapperWith(props: DatabrainProviderProps) {
  return ({ children }: { children: ReactNode }) => (
    <StrictMode>
      <DatabrainProvider {...props}>{children}</DatabrainProvider>
    </StrictMode>
  );
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  Reflect.deleteProperty(navigator, 'locks');
});

describe('useTokenSession', () => {
  it('shows where the token came from, the next refresh and the requests made', async () => {
    vi.setSystemTime(1_000_000);
    const { result } = renderHook(() => useTokenSession(), {
      wrapper: wrapperWith({ fetchToken: countingTokenSource(100_000) }),
    });
    await advance();
    expect(result.current).toMatchObject({
      token: 'token-1',
      receivedFrom: 'this-tab',
      refreshAt: 1_080_000,
      requests: 1,
      sharedAcrossTabs: false,
    });
  });

  it('throws NO_PROVIDER outside a provider', () => {
    const error = (() => {
      try {
        renderHook(() => useTokenSession());
      } catch (caught) {
        return caught;
      }
    })();
    expect(isDatabrainError(error) && error.code).toBe('NO_PROVIDER');
  });

  it('shares across tabs by default for a token endpoint, for fetchToken only with a crossTabKey, never with false', async () => {
    // jsdom has no Web Locks: a stand-in, enough for the session to open its channel.
    Object.defineProperty(navigator, 'locks', {
      configurable: true,
      value: { request: (_name: string, _options: unknown, task: () => Promise<void>) => task() },
    });
    vi.stubGlobal('fetch', async () => Response.json({ token: 'from-endpoint', expiresIn: 600_000 }));
    const sharing = async (props: DatabrainProviderProps) => {
      const { result, unmount } = renderHook(() => useTokenSession(), { wrapper: wrapperWith(props) });
      await advance(200);
      const shared = result.current.sharedAcrossTabs;
      unmount();
      return shared;
    };
    const fetchToken = countingTokenSource();
    expect(await sharing({ tokenEndpoint: '/api/databrain/token' })).toBe(true);
    expect(await sharing({ tokenEndpoint: '/api/databrain/token', crossTabKey: false })).toBe(false);
    expect(await sharing({ fetchToken })).toBe(false);
    expect(await sharing({ fetchToken, crossTabKey: 'app-token-source' })).toBe(true);
  });
});

describe('DatabrainProvider failures', () => {
  it('turns a lifetime too short to serve into TOKEN_LIFETIME, asking only once', async () => {
    const fetchToken = countingTokenSource(0);
    const onError = vi.fn();
    const { result } = renderHook(() => useGuestToken(), { wrapper: wrapperWith({ fetchToken, onError }) });
    await advance(10 * 60_000);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    expect(result.current.status).toBe('error');
    expect(result.current.error?.code).toBe('TOKEN_LIFETIME');
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('writes a token failure to the console once in development, with its code and cause', async () => {
    const cause = new Error('token service down');
    const fetchToken = vi.fn<FetchToken>(async () => {
      throw cause;
    });
    renderHook(() => useGuestToken(), { wrapper: wrapperWith({ fetchToken }) });
    await advance(60_000);
    expect(fetchToken.mock.calls.length).toBeGreaterThan(3);
    expect(console.error).toHaveBeenCalledTimes(1);
    expect(console.error).toHaveBeenCalledWith(
      '[databrain-embed] fetchToken() failed: token service down. (TOKEN_SOURCE)',
      '\nCause:',
      cause,
    );
  });

  it('gives errorFallback a DatabrainError whose code says the elements failed, logged once', async () => {
    const cause = new Error('Failed to fetch dynamically imported module');
    render(
      <DatabrainProvider fetchToken={countingTokenSource()} loadElements={() => Promise.reject(cause)}>
        <Dashboard
          dashboardId="sales-overview"
          errorFallback={({ error }) => (
            <p>{isDatabrainError(error) && error.code === 'ELEMENTS_LOAD' ? 'elements failed' : 'other'}</p>
          )}
        />
        <Dashboard dashboardId="customer-health" errorFallback={({ error }) => <p>{error.code}</p>} />
      </DatabrainProvider>,
    );
    await advance();
    expect(screen.getByText('elements failed')).toBeTruthy();
    expect(screen.getByText('ELEMENTS_LOAD')).toBeTruthy();
    expect(console.error).toHaveBeenCalledTimes(1);
    expect(vi.mocked(console.error).mock.calls[0]?.[2]).toBe(cause);
  });

  it('refuses a provider without a token source before any request, naming both props', () => {
    const props = { loadElements: recordingLoader() } as unknown as DatabrainProviderProps;
    expect(() => render(<DatabrainProvider {...props} />)).toThrow(
      expect.objectContaining({ code: 'TOKEN_SOURCE', message: expect.stringContaining('"tokenEndpoint"') }),
    );
  });

  it('keeps tokens out of localStorage and sessionStorage', async () => {
    const { result } = renderHook(() => useGuestToken(), {
      wrapper: wrapperWith({ fetchToken: countingTokenSource() }),
    });
    await advance();
    expect(result.current.token).toBe('token-1');
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
  });

  it('wakes up when the tab becomes visible again and the token is due', async () => {
    const fetchToken = countingTokenSource(600_000);
    const { result } = renderHook(() => useGuestToken(), { wrapper: wrapperWith({ fetchToken }) });
    await advance();
    vi.setSystemTime(Date.now() + 700_000);
    document.dispatchEvent(new Event('visibilitychange'));
    await advance();
    expect(fetchToken).toHaveBeenCalledTimes(2);
    expect(result.current.token).toBe('token-2');
  });
});
