import { isDatabrainError } from '@databrain-embed/core/errors';
import { act, cleanup, render, renderHook, screen, waitFor } from '@testing-library/react';
import { type ReactNode, StrictMode, useState } from 'react';
import { SWRConfig } from 'swr';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { DatabrainProvider } from '../DatabrainProvider.tsx';
import type { FetchToken } from '../session/FetchToken.ts';
import { type UseMetricDataOptions, useMetricData } from './useMetricData.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The metric-data endpoint of test/data/globalSetup.ts. */
    metricDataUrl: string;
  }
}

const base = inject('metricDataUrl');
const neverExpiring: FetchToken = async () => ({ token: 'test-token', expiresIn: null });

afterEach(cleanup);

type Sale = { tenant: string; region: string; product: string; amount: number };

/** A fresh id per test: the endpoint counts each test's requests apart. */
const testId = () => Math.random().toString(36).slice(2, 10);

async function stats(test: string): Promise<{ requests: number; upstream: number }> {
  return (await (await fetch(`${base}/stats?test=${test}`)).json()) as { requests: number; upstream: number };
}

/**
 * The real provider with a data endpoint, and a fresh SWR cache so tests
 * share nothing (as SWR's own tests do). `swr` sets SWR options for a test.
 */
function providerFor(
  dataEndpoint: string | undefined,
  { scope, swr = {} }: { scope?: string; swr?: Record<string, unknown> } = {},
) {
  return ({ children }: { children: ReactNode }) => (
    <StrictMode>
      <SWRConfig value={{ provider: () => new Map(), ...swr }}>
        <DatabrainProvider
          fetchToken={neverExpiring}
          {...(dataEndpoint === undefined ? {} : { dataEndpoint })}
          {...(scope === undefined ? {} : { scope })}
        >
          {children}
        </DatabrainProvider>
      </SWRConfig>
    </StrictMode>
  );
}

const dataUrl = (user: string, test: string) => `${base}/data?user=${user}&test=${test}`;

/** Three of these ask for the same query, written with filters in different orders. */
function Kpi({ label }: { label: string }) {
  const filters =
    label === 'a' ? { region: 'EMEA', product: 'Analytics' } : { product: 'Analytics', region: 'EMEA' };
  const { rows } = useMetricData<Sale>({ metricId: 'total-revenue', filters });
  return <span data-testid={label}>{rows ? rows.map((row) => row.amount).join('+') : 'loading'}</span>;
}

/** Records the tenants of the rows it is given at each render. */
function Tenants({ seen }: { seen: string[] }) {
  const { rows } = useMetricData<Sale>({ metricId: 'total-revenue' });
  seen.push(rows ? [...new Set(rows.map((row) => row.tenant))].join(',') : 'none');
  return null;
}

/** One provider and one SWR cache throughout, as in an app: only the signed-in user changes. */
function SwitchingUser({ test, seen }: { test: string; seen: string[] }) {
  const [user, setUser] = useState('acme-viewer');
  const [cache] = useState(() => new Map());
  return (
    <SWRConfig value={{ provider: () => cache }}>
      <button type="button" onClick={() => setUser('globex-na')}>
        switch
      </button>
      <DatabrainProvider fetchToken={neverExpiring} dataEndpoint={dataUrl(user, test)} scope={user}>
        <Tenants seen={seen} />
      </DatabrainProvider>
    </SWRConfig>
  );
}

describe('useMetricData', () => {
  it("returns the signed-in user's rows, columns and totals from the endpoint", async () => {
    const test = testId();
    const { result } = renderHook(() => useMetricData<Sale>({ metricId: 'total-revenue' }), {
      wrapper: providerFor(dataUrl('globex-na', test)),
    });
    expect(result.current.isLoading).toBe(true);
    expect(result.current.rows).toBeUndefined();
    await waitFor(() => expect(result.current.rows).toBeDefined());
    expect(result.current.rows?.map((row) => `${row.tenant}/${row.region}`)).toEqual([
      'globex/NA',
      'globex/NA',
    ]);
    expect(result.current.totalRecords).toBe(2);
    expect(result.current.comparisonValue).toBeNull();
    expect(result.current.columns).toContainEqual({ name: 'amount', dataType: 'number' });
    expect(result.current.data).toMatchObject({ metricId: 'total-revenue', embedId: 'sales-overview' });
    expect(result.current.error).toBeUndefined();
    expect(result.current.isLoading).toBe(false);
  });

  it('asks once for components that want the same metric and filters', async () => {
    const test = testId();
    const Wrapper = providerFor(dataUrl('acme-viewer', test));
    render(
      <Wrapper>
        <Kpi label="a" />
        <Kpi label="b" />
        <Kpi label="c" />
      </Wrapper>,
    );
    await waitFor(() => expect(screen.getByTestId('c').textContent).toBe('1200'));
    expect(screen.getByTestId('a').textContent).toBe('1200');
    expect((await stats(test)).requests).toBe(1);
  });

  it('keeps the previous rows while a new filter loads, then shows the new ones', async () => {
    const test = testId();
    const seen: { region: string | undefined; rows: string; isLoading: boolean }[] = [];
    const { result, rerender } = renderHook(
      ({ region }: { region: string }) => {
        const state = useMetricData<Sale>({ metricId: 'total-revenue', filters: { region } });
        seen.push({
          region,
          rows: state.rows?.map((row) => row.region).join(',') ?? 'none',
          isLoading: state.isLoading,
        });
        return state;
      },
      { wrapper: providerFor(dataUrl('acme-viewer', test)), initialProps: { region: 'EMEA' } },
    );
    await waitFor(() => expect(result.current.rows).toHaveLength(2));
    seen.length = 0;
    rerender({ region: 'APAC' });
    await waitFor(() => expect(result.current.rows?.map((row) => row.region)).toEqual(['APAC']));
    // The EMEA rows stayed on screen while APAC loaded; never an empty state in between.
    expect(seen[0]).toEqual({ region: 'APAC', rows: 'EMEA,EMEA', isLoading: true });
    expect(seen.some((entry) => entry.rows === 'none')).toBe(false);
  });

  it('asks again when the window regains focus and when the network returns', async () => {
    const test = testId();
    const { result } = renderHook(() => useMetricData<Sale>({ metricId: 'total-revenue' }), {
      wrapper: providerFor(dataUrl('acme-viewer', test), {
        swr: { dedupingInterval: 0, focusThrottleInterval: 0 },
      }),
    });
    // Focus and reconnect revalidate with deduplication: an event while a request is in flight
    // joins it. SWR forgets a finished request one timer turn after its answer (dedupingInterval 0),
    // so each event comes only once the previous request is over and forgotten.
    const settled = async () => {
      await waitFor(() => expect(result.current.isValidating).toBe(false));
      await act(() => new Promise((resolve) => setTimeout(resolve, 5)));
    };
    await waitFor(() => expect(result.current.rows).toHaveLength(4));
    expect((await stats(test)).requests).toBe(1);
    await settled();
    act(() => {
      window.dispatchEvent(new Event('focus'));
    });
    await waitFor(async () => expect((await stats(test)).requests).toBe(2));
    await settled();
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    await waitFor(async () => expect((await stats(test)).requests).toBe(3));
  });

  it('asks again on mutate and resolves with the new answer', async () => {
    const test = testId();
    const { result } = renderHook(() => useMetricData<Sale>({ metricId: 'total-revenue' }), {
      wrapper: providerFor(dataUrl('acme-viewer', test), { swr: { dedupingInterval: 0 } }),
    });
    await waitFor(() => expect(result.current.rows).toBeDefined());
    let answer: unknown;
    await act(async () => {
      answer = await result.current.mutate();
    });
    expect(answer).toMatchObject({ metricId: 'total-revenue', totalRecords: 4 });
    expect((await stats(test)).requests).toBe(2);
  });

  it('never shows the rows of the user signed in before while the next one loads', async () => {
    const test = testId();
    const seen: string[] = [];
    render(<SwitchingUser test={test} seen={seen} />);
    await waitFor(() => expect(seen.at(-1)).toBe('acme'));
    act(() => screen.getByRole('button').click());
    await waitFor(() => expect(seen.at(-1)).toBe('globex'));
    const afterSwitch = seen.slice(seen.indexOf('acme'));
    expect(
      afterSwitch.filter((tenants) => tenants !== 'acme' && tenants !== 'globex' && tenants !== 'none'),
    ).toEqual([]);
    // Once the switch rendered, acme's rows never came back.
    expect(afterSwitch.slice(afterSwitch.indexOf('none')).includes('acme')).toBe(false);
  });

  it('reports a failing endpoint as DATA_HTTP and retries it; a refused request is not retried', async () => {
    const test = testId();
    const swr = { errorRetryInterval: 20 };
    const down = renderHook(() => useMetricData({ metricId: 'total-revenue' }), {
      wrapper: providerFor(`${base}/down?test=${test}`, { swr }),
    });
    await waitFor(() => expect(down.result.current.error).toBeDefined());
    expect(down.result.current.error?.code).toBe('DATA_HTTP');
    expect(down.result.current.error?.message).toBe(
      `[databrain-embed] POST ${base}/down?test=${test} answered HTTP 503 (UPSTREAM_ERROR: Down for this test.).`,
    );
    await waitFor(async () => expect((await stats(test)).requests).toBeGreaterThanOrEqual(3));

    const refusedTest = testId();
    const refused = renderHook(() => useMetricData({ metricId: 'total-revenue' }), {
      wrapper: providerFor(dataUrl('nobody', refusedTest), { swr }),
    });
    await waitFor(() => expect(refused.result.current.error?.message).toMatch(/HTTP 401 \(UNAUTHORIZED/));
    // Long enough for several retries of the failing endpoint above.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await stats(refusedTest)).requests).toBe(1);
  });

  it('asks nothing while metricId is null', async () => {
    const test = testId();
    const { result } = renderHook(() => useMetricData({ metricId: null }), {
      wrapper: providerFor(dataUrl('acme-viewer', test)),
    });
    expect(result.current).toMatchObject({ rows: undefined, isLoading: false, error: undefined });
    expect((await stats(test)).requests).toBe(0);
  });

  it('throws NO_DATA_ENDPOINT under a provider without dataEndpoint, and NO_PROVIDER outside one', () => {
    const options: UseMetricDataOptions = { metricId: 'total-revenue' };
    const codeOf = (wrapper?: (props: { children: ReactNode }) => ReactNode) => {
      try {
        renderHook(() => useMetricData(options), wrapper ? { wrapper } : {});
      } catch (error) {
        return isDatabrainError(error) ? error.code : 'other';
      }
      return 'none';
    };
    expect(codeOf(providerFor(undefined))).toBe('NO_DATA_ENDPOINT');
    expect(codeOf()).toBe('NO_PROVIDER');
  });
});
