import { Dashboard, Metric, useTokenSession } from '@databrain-embed/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { field, findReadyPreview } from './support/preview.ts';

/** How many token requests the provider above has made (`useTokenSession().requests`). */
function RequestCount() {
  const { requests } = useTokenSession();
  return (
    <p style={{ margin: '0 0 8px' }} data-testid="requests">
      token requests: {requests}
    </p>
  );
}

function SharedTokenStory() {
  return (
    <>
      <RequestCount />
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))', gap: 12 }}>
        <Dashboard dashboardId="sales-overview" />
        <Dashboard dashboardId="customer-health" />
        {/* Tall enough for a metric card's figures and chart; its token details scroll inside. */}
        <Metric metricId="revenue" width={320} height={380} />
        <Metric metricId="active-users" width={320} height={380} />
      </div>
    </>
  );
}

/**
 * Every embed under one provider shares its token: one request however many
 * dashboards and metrics mount together, one refresh for all of them.
 */
const meta = {
  title: 'Token/Shared by several embeds',
  component: SharedTokenStory,
  parameters: { databrain: { persona: 'acme-analyst' } },
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
