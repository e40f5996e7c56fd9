// An app's own component containing a DataBrain dashboard, as a user writes
// it; the token source and element loader are props so tests can replace them.
import { Dashboard, DatabrainProvider, type ElementsLoader, type FetchToken } from '@databrain-embed/react';

export function AnalyticsPage(props: {
  readonly userId: string;
  readonly fetchToken: FetchToken;
  readonly loadElements?: ElementsLoader;
}) {
  return (
    <main>
      <h1>Analytics</h1>
      <DatabrainProvider
        fetchToken={props.fetchToken}
        scope={props.userId}
        refreshMargin={1_000}
        {...(props.loadElements ? { loadElements: props.loadElements } : {})}
      >
        <Dashboard dashboardId="sales-overview" theme={{ colors: { primary: '#0f766e' } }} />
      </DatabrainProvider>
    </main>
  );
}
