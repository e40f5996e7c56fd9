import { Dashboard, Metric } from '@databrain-embed/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useCallback, useState } from 'react';
import { expect } from 'storybook/test';
import { field, findReadyPreview } from './support/preview.ts';
import { StoryDatabrain } from './support/StoryDatabrain.tsx';

function SharedTokenStory() {
  const [requests, setRequests] = useState(0);
  const onTokenRefresh = useCallback(() => setRequests((count) => count + 1), []);
  return (
    <StoryDatabrain user="acme-analyst" onTokenRefresh={onTokenRefresh}>
      <p style={{ margin: '0 0 8px' }} data-testid="requests">
        token requests: {requests}
      </p>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))', gap: 12 }}>
        <Dashboard dashboardId="sales-overview" />
        <Dashboard dashboardId="customer-health" />
        {/* Tall enough for a metric card's figures and chart; its token details scroll inside. */}
        <Metric metricId="revenue" width={320} height={380} />
        <Metric metricId="active-users" width={320} height={380} />
      </div>
    </StoryDatabrain>
  );
}

/**
 * Every embed under one provider shares its token: one request however many
 * dashboards and metrics mount together, one refresh for all of them.
 */
const meta = {
  title: 'Token/Shared by several embeds',
  component: SharedTokenStory,
} satisfies Meta<typeof SharedTokenStory>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Two dashboards and two metrics, one token request. */
export const FourEmbedsOneToken: Story = {
  play: async ({ canvas, canvasElement }) => {
    const embeds = [
      await findReadyPreview(canvasElement, 'dbn-dashboard', 0),
      await findReadyPreview(canvasElement, 'dbn-dashboard', 1),
      await findReadyPreview(canvasElement, 'dbn-metric', 0),
      await findReadyPreview(canvasElement, 'dbn-metric', 1),
    ];
    await expect(embeds.map((embed) => field(embed, 'embed'))).toEqual([
      'sales-overview',
      'customer-health',
      'revenue',
      'active-users',
    ]);
    const tokens = new Set(embeds.map((embed) => field(embed, 'token')));
    await expect(tokens.size).toBe(1);
    await expect(canvas.getByTestId('requests')).toHaveTextContent('token requests: 1');
  },
};
