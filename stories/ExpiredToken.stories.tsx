import {
  Dashboard,
  DatabrainProvider,
  type DatabrainServerEvent,
  type FetchToken,
} from '@databrain-embed/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useCallback, useState } from 'react';
import { expect } from 'storybook/test';
import { expectTokenSwappedInPlace, field, findReadyPreview, waitForText } from './support/preview.ts';
import { requestToken } from './support/requestToken.ts';

/**
 * Asks the addon's token endpoint for a 5-second token but does not pass its
 * lifetime on, like a backend that never says how long its tokens live: the
 * provider cannot schedule a refresh and relies on the element instead.
 */
const fetchTokenWithoutLifetime: FetchToken = async (signal) => {
  const response = await requestToken('acme-expiring', signal);
  if (!response.ok) throw new Error(`[story] token endpoint answered HTTP ${response.status}`);
  const { token } = (await response.json()) as { token: string };
  return { token, expiresIn: null };
};

function ExpiredTokenStory() {
  const [events, setEvents] = useState<string[]>([]);
  const onServerEvent = useCallback(
    (event: DatabrainServerEvent) => setEvents((list) => [...list, event.type ?? 'unknown']),
    [],
  );
  return (
    <DatabrainProvider fetchToken={fetchTokenWithoutLifetime}>
      <p style={{ margin: '0 0 8px' }}>
        Events from the element: <strong data-testid="events">{events.join(', ') || 'none yet'}</strong>
      </p>
      <Dashboard
        dashboardId="sales-overview"
        onServerEvent={onServerEvent}
        options={{ tokenExpiryMessage: 'Fetching a new token…' }}
      />
    </DatabrainProvider>
  );
}

/**
 * When the element finds its token expired it calls the global function
 * named in its `handle-server-event` attribute with `{ type: 'TOKEN_EXPIRED' }`.
 * `<Dashboard>` registers that function for you and asks the provider for a
 * new token at once (once per token, so a bad backend cannot cause a loop);
 * `onServerEvent` sees the event too.
 */
const meta = {
  title: 'Token/Expired token signalled by the element',
  component: ExpiredTokenStory,
  // The story renders its own provider, whose token source hides the lifetime.
  parameters: { databrain: { provider: false } },
} satisfies Meta<typeof ExpiredTokenStory>;

export default meta;
type Story = StoryObj<typeof meta>;

/** After 5 seconds the element reports TOKEN_EXPIRED and gets a new token in place. */
export const RefreshOnExpiry: Story = {
  play: async ({ canvas, canvasElement }) => {
    const dashboard = await findReadyPreview(canvasElement);
    const instance = dashboard.dataset.instance;
    const firstToken = field(dashboard, 'token');
    await expect(canvas.getByTestId('events')).toHaveTextContent('none yet');

    await waitForText(canvasElement, 'events', 'TOKEN_EXPIRED');
    await expectTokenSwappedInPlace(canvasElement, dashboard, instance);
    await findReadyPreview(canvasElement);
    await expect(field(dashboard, 'token')).not.toBe(firstToken);
  },
};
