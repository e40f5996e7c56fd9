import { useMetricData } from '@databrain-embed/react/data';
import type { ReactElement } from 'react';

/** The metric the header shows; on real DataBrain, the id of one of your embed's metrics. */
const KPI_METRIC = import.meta.env.VITE_DATABRAIN_KPI_METRIC ?? 'total-revenue';

/**
 * One KPI in the app's own design: the sum of the metric's first number
 * column, for the signed-in user's tenant. No DataBrain element is involved.
 */
export function RevenueKpi(): ReactElement {
  const { rows, columns, error, isLoading } = useMetricData({ metricId: KPI_METRIC });
  const numeric = columns?.find((column) => column.dataType === 'number')?.name;
  if (error && !rows) return <span role="alert">Revenue unavailable</span>;
  if (!rows || numeric === undefined) return <span aria-busy="true">Revenue …</span>;
  const total = rows.reduce((sum, row) => sum + (typeof row[numeric] === 'number' ? row[numeric] : 0), 0);
  return (
    <span aria-busy={isLoading}>
      Revenue <strong data-testid="kpi-value">{total.toLocaleString('en-US')}</strong>
    </span>
  );
}
