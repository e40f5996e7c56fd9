// The metric-data contract between the app's server and this hook, from
// core's types only (no runtime import reaches the browser bundle).
export type {
  MetricColumn,
  MetricData,
  MetricDataRequest,
  MetricQueryFilters,
  MetricQueryFilterValue,
  MetricRow,
} from '@databrain-embed/core';
