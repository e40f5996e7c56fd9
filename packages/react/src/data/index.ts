'use client';

// `@databrain-embed/react/data`: the headless metric data hook, on its own
// entry so SWR is loaded only by apps that use it.
export type {
  MetricColumn,
  MetricData,
  MetricDataRequest,
  MetricQueryFilters,
  MetricQueryFilterValue,
  MetricRow,
} from './MetricDataTypes.ts';
export { type MetricDataResult, type UseMetricDataOptions, useMetricData } from './useMetricData.ts';
