import { Dashboard, DatabrainProvider, Metric } from '@databrain-embed/react';
import type { ReactElement } from 'react';

/** The signed-in user's analytics: both embeds share one token, refreshed in place. */
export function Analytics({ userId }: { userId: string }): ReactElement {
  return (
    <DatabrainProvider tokenEndpoint="/api/databrain/token" scope={userId}>
      <Metric metricId="revenue" width={480} height={320} />
      <Dashboard dashboardId="sales-overview" theme={{ colors: { primary: '#4f46e5' } }} />
    </DatabrainProvider>
  );
}
