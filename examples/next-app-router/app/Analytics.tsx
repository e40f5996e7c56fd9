'use client';

import { Dashboard, DatabrainProvider, Metric, type TokenEndpointResponse } from '@databrain-embed/react';
import { type ReactElement, useMemo } from 'react';
import type { DatabrainSetup } from '../lib/databrainSetup';

interface AnalyticsProps {
  tenant: string;
  initialToken: TokenEndpointResponse | null;
  elements: DatabrainSetup['elements'];
  embeds: DatabrainSetup['embeds'];
}

export function Analytics({ tenant, initialToken, elements, embeds }: AnalyticsProps): ReactElement {
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
    <DatabrainProvider
      tokenEndpoint="/api/databrain/token"
      scope={tenant}
      {...(initialToken ? { initialToken } : {})}
      {...loadElements}
    >
      <Metric metricId={embeds.metricId} />
      <Dashboard dashboardId={embeds.dashboardId} />
    </DatabrainProvider>
  );
}
