import { Dashboard, DatabrainProvider, Metric } from '@databrain-embed/react';
import { type ReactElement, useMemo } from 'react';
import type { Session } from './Session.ts';

interface AnalyticsProps {
  tenant: string;
  embeds: Session['embeds'];
  elements: Session['elements'];
}

export function Analytics({ tenant, embeds, elements }: AnalyticsProps): ReactElement {
  // The emulator's stand-in elements by default; DataBrain's own (the provider's default loader) otherwise.
  const apiUrl = elements.kind === 'preview' ? elements.apiUrl : undefined;
  const loadElements = useMemo(
    () =>
      apiUrl === undefined
        ? {}
        : {
            loadElements: () =>
              import('@databrain-embed/emulator/elements').then(({ definePreviewElements }) =>
                definePreviewElements({ apiUrl }),
              ),
          },
    [apiUrl],
  );

  return (
    <DatabrainProvider tokenEndpoint="/api/databrain/token" scope={tenant} {...loadElements}>
      <Metric metricId={embeds.metricId} />
      <Dashboard dashboardId={embeds.dashboardId} />
    </DatabrainProvider>
  );
}
