import { Dashboard, DatabrainProvider, type ReceivedToken } from '@databrain-embed/react';
import { databrainTokenUrl } from '@databrain-embed/storybook';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useCallback, useState } from 'react';
import { expect } from 'storybook/test';
import { Countdown } from './support/Countdown.tsx';
import { expectTokenSwappedInPlace, field, findReadyPreview } from './support/preview.ts';

interface TokenRefreshStoryProps {
  /** Ms before expiry to fetch the next token; empty = the default (a fifth of 15 s = 3 s). */
  refreshMargin?: number;
}

function TokenRefreshStory({ refreshMargin }: TokenRefreshStoryProps) {
  const [received, setReceived] = useState<string[]>([]);
  const onTokenRefresh = useCallback(
    ({ token }: ReceivedToken) => setReceived((list) => [...list, `${token.slice(0, 8)}…`]),
    [],
  );
  return (
    <DatabrainProvider
      tokenEndpoint={databrainTokenUrl({ persona: 'acme-short-lived' })}
      onTokenRefresh={onTokenRefresh}
      {...(refreshMargin === undefined ? {} : { refreshMargin })}
    >
      <p style={{ margin: '0 0 8px', display: 'flex', gap: 16 }}>
        <Countdown />
        <span data-testid="received">tokens received: {received.length}</span>
        <span data-testid="received-list">{received.join(' → ')}</span>
      </p>
      <Dashboard dashboardId="sales-overview" />
    </DatabrainProvider>
  );
}

/**
 * This user's token lives 15 seconds. The provider fetches the next one
 * shortly before expiry and hands it to the same element: the dashboard is
 * never re-created (same `data-instance`), only its token changes
 * (`data-token-version` counts the swaps), so filters, scroll position and
 * open menus survive. Watch the countdown and the token line.
 */
const meta = {
  title: 'Token/Refresh in place',
  component: TokenRefreshStory,
  argTypes: { refreshMargin: { control: { type: 'number', min: 0, max: 14_000, step: 500 } } },
  // Its own provider, to show `refreshMargin` and `onTokenRefresh`.
  parameters: { databrain: { provider: false } },
} satisfies Meta<typeof TokenRefreshStory>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A 15-second token, refreshed 3 seconds before it expires. */
export const FifteenSecondToken: Story = {
  play: async ({ canvas, canvasElement }) => {
    const dashboard = await findReadyPreview(canvasElement);
    const instance = dashboard.dataset.instance;
    const firstToken = field(dashboard, 'token');
    await expect(instance).toMatch(/^dashboard-\d+$/);
    await expect(dashboard.dataset.tokenVersion).toBe('0');
    await expect(canvas.getByTestId('countdown')).toHaveTextContent(/token expires in (1[0-5]|[1-9])s/);
    await expect(canvas.getByTestId('received')).toHaveTextContent('tokens received: 1');

    await expectTokenSwappedInPlace(canvasElement, dashboard, instance);
    await findReadyPreview(canvasElement);
    await expect(field(dashboard, 'token')).not.toBe(firstToken);
    await expect(field(dashboard, 'client')).toBe('acme');
    await expect(canvas.getByTestId('received')).toHaveTextContent('tokens received: 2');
    await expect(canvas.getByTestId('countdown')).toHaveTextContent(/token expires in 1[0-5]s/);
  },
};

/** A larger margin: the next token is fetched 10 seconds before expiry, so after about 5 seconds. */
export const EarlyRefresh: Story = {
  args: { refreshMargin: 10_000 },
  play: async ({ canvasElement }) => {
    const dashboard = await findReadyPreview(canvasElement);
    const instance = dashboard.dataset.instance;
    const started = Date.now();
    await expectTokenSwappedInPlace(canvasElement, dashboard, instance);
    await expect(Date.now() - started).toBeLessThan(12_000);
  },
};
