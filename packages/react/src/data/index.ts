'use client';

// `@databrain-embed/react/data`: the headless metric data hook, on its own
// entry so SWR is loaded only by apps that use it.
// The metric-data contract between the app's server and this hook: core's types
// only, so no runtime import of core's zod-carrying entry reaches the bundle.
export type {
  MetricColumn,
  MetricData,
  MetricDataRequest,
  MetricQueryFilters,
  MetricQueryFilterValue,
  MetricRow,
} from '@databrain-embed/core';
export { type MetricDataResult, type UseMetricDataOptions, useMetricData } from './useMetricData.ts';
