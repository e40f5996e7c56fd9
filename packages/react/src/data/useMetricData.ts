import type { MetricColumn, MetricData, MetricQueryFilters, MetricRow } from '@databrain-embed/core';
import { DatabrainError } from '@databrain-embed/core/errors';
import { useCallback, useMemo } from 'react';
import useSWR from 'swr';
import { useDatabrainContext } from '../DatabrainContext.ts';
import { fetchMetricData, isWorthRetrying } from './fetchMetricData.ts';

/**
 * What {@link useMetricData} asks for.
 *
 * @example
 * ```ts
 * import type { UseMetricDataOptions } from '@databrain-embed/react/data';
 * const options: UseMetricDataOptions = { metricId: 'total-revenue', filters: { region: 'EMEA' } };
 * ```
 */
export interface UseMetricDataOptions {
  /** The metric; `null` (or `''`) asks for nothing yet. */
  metricId: string | null;
  /** The embed holding it; the server's default when left out. */
  embedId?: string;
  /** Filters the user chose; the server keeps only those it allows. */
  filters?: MetricQueryFilters;
}

/**
 * What {@link useMetricData} returns. While a new query loads (another
 * filter), the last answer stays: `rows` and the rest are those of the
 * previous query and `isLoading` is `true`.
 *
 * @example
 * ```ts
 * import type { MetricDataResult } from '@databrain-embed/react/data';
 * function total(result: MetricDataResult<{ amount: number }>): number {
 *   return (result.rows ?? []).reduce((sum, row) => sum + row.amount, 0);
 * }
 * ```
 */
export interface MetricDataResult<Row extends object = MetricRow> {
  /** The rows, or `undefined` before the first answer. */
  rows: Row[] | undefined;
  columns: MetricColumn[] | undefined;
  totalRecords: number | null | undefined;
  comparisonValue: number | string | null | undefined;
  /** The whole answer (`rows`, `columns`, `groupBy`, …), or `undefined`. */
  data: MetricData<Row> | undefined;
  /** The last failure (`DATA_UNREACHABLE`, `DATA_HTTP`, `DATA_SHAPE`); rows shown stay. */
  error: DatabrainError | undefined;
  /** A request is in flight and no answer for this very query has arrived. */
  isLoading: boolean;
  /** A request is in flight (also a revalidation behind rows already shown). */
  isValidating: boolean;
  /** Asks again now; resolves with the new answer. */
  mutate: () => Promise<MetricData<Row> | undefined>;
}

// Array keys are hashed by SWR with object keys sorted, so equal filters
// written in another order share one request. The first item keeps these
// keys apart from the app's own.
type MetricDataKey = readonly [
  'databrain-embed/metric-data',
  endpoint: string,
  scope: string,
  metricId: string,
  embedId: string | null,
  filters: MetricQueryFilters | null,
];

/** An answer with the `scope` it was fetched for, so another user's rows are never shown. */
interface ScopedAnswer {
  readonly scope: string;
  readonly answer: MetricData;
}

const fetchScoped = async ([
  ,
  endpoint,
  scope,
  metricId,
  embedId,
  filters,
]: MetricDataKey): Promise<ScopedAnswer> => ({
  scope,
  answer: await fetchMetricData(endpoint, {
    metricId,
    ...(embedId === null ? {} : { embedId }),
    ...(filters === null ? {} : { filters }),
  }),
});

/**
 * One metric's rows for the signed-in user, from the app's metric-data
 * endpoint (the provider's `dataEndpoint`, served by
 * `createMetricDataHandler`). Built on SWR: components asking for the same
 * metric and filters share one request; the previous rows stay while a new
 * filter loads; the rows are fetched again when the window regains focus or
 * the network returns; failures other than a refused request are retried
 * with backoff. The browser never names the tenant: the server does.
 *
 * `Row` types each row; the answer is checked only as a list of plain
 * objects. Rows of another `scope` (user) are never returned.
 *
 * @throws `NO_PROVIDER` outside `<DatabrainProvider>`, `NO_DATA_ENDPOINT` when it has no `dataEndpoint`.
 * @example
 * ```tsx
 * import { useMetricData } from '@databrain-embed/react/data';
 *
 * function RevenueKpi() {
 *   const { rows, error, isLoading } = useMetricData<{ amount: number }>({ metricId: 'total-revenue' });
 *   if (error && !rows) return <span role="alert">Revenue unavailable</span>;
 *   if (!rows) return <span aria-busy="true">…</span>;
 *   const total = rows.reduce((sum, row) => sum + row.amount, 0);
 *   return <strong aria-busy={isLoading}>{total.toLocaleString()}</strong>;
 * }
 * ```
 */
export function useMetricData<Row extends object = MetricRow>(
  options: UseMetricDataOptions,
): MetricDataResult<Row> {
  const { dataEndpoint, scope: providerScope } = useDatabrainContext('useMetricData()');
  if (!dataEndpoint) {
    throw new DatabrainError(
      'NO_DATA_ENDPOINT',
      'useMetricData() needs <DatabrainProvider dataEndpoint="…">: the URL of your metric-data endpoint.',
    );
  }
  const scope = providerScope ?? '';
  const { metricId, embedId, filters } = options;
  const key: MetricDataKey | null = metricId
    ? ['databrain-embed/metric-data', dataEndpoint, scope, metricId, embedId ?? null, filters ?? null]
    : null;
  const swr = useSWR<ScopedAnswer, DatabrainError, MetricDataKey | null>(key, fetchScoped, {
    keepPreviousData: true,
    revalidateOnFocus: true,
    revalidateOnReconnect: true,
    shouldRetryOnError: isWorthRetrying,
  });
  const { mutate: revalidate } = swr;
  // The previous answer kept while a new one loads may belong to the user signed in before.
  const shown = swr.data?.scope === scope ? (swr.data.answer as MetricData<Row>) : undefined;
  const mutate = useCallback(
    async () => (await revalidate())?.answer as MetricData<Row> | undefined,
    [revalidate],
  );
  const { error, isLoading, isValidating } = swr;
  return useMemo(
    () => ({
      rows: shown?.rows,
      columns: shown?.columns,
      totalRecords: shown?.totalRecords,
      comparisonValue: shown?.comparisonValue,
      data: shown,
      error,
      isLoading,
      isValidating,
      mutate,
    }),
    [shown, error, isLoading, isValidating, mutate],
  );
}
