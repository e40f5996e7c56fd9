import { Dashboard, DatabrainProvider, Metric } from '@databrain-embed/react';
import type { ReactElement, ReactNode } from 'react';

/**
 * DataBrain for the signed-in user: one guest token for every embed,
 * refreshed in place, and the metric-data endpoint for headless figures.
 */
export function AnalyticsProvider({
  userId,
  children,
}: {
  userId: string;
  children: ReactNode;
}): ReactElement {
  return (
    <DatabrainProvider tokenEndpoint="/api/databrain/token" dataEndpoint="/api/databrain/data" scope={userId}>
      {children}
    </DatabrainProvider>
  );
}

/** The signed-in user's embeds. */
export function Analytics(): ReactElement {
  return (
    <>
      <Metric metricId="revenue" width={480} height={320} />
      <Dashboard dashboardId="sales-overview" theme={{ colors: { primary: '#4f46e5' } }} />
    </>
  );
}
