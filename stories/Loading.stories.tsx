import { Dashboard, Metric } from '@databrain-embed/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { findReadyPreview, PREVIEW_TIMEOUT } from './support/preview.ts';

interface LoadingStoryProps {
  /** Show your own placeholder instead of the default one. */
  customFallback: boolean;
}

function LoadingStory({ customFallback }: LoadingStoryProps) {
  const fallback = customFallback ? (
    <div
      data-testid="skeleton"
      style={{ height: 240, borderRadius: 10, background: 'linear-gradient(90deg,#f3f4f6,#e5e7eb,#f3f4f6)' }}
    >
      Preparing your analytics…
    </div>
  ) : undefined;
  return (
    <div style={{ display: 'grid', gap: 12 }}>
      <Dashboard dashboardId="sales-overview" {...(fallback ? { fallback } : {})} />
      <Metric metricId="revenue" width={360} height={200} />
    </div>
  );
}

/**
 * Until the first token arrives (and the elements are loaded), each embed
 * shows a placeholder of its own size: the page does not jump. Here the
 * addon's token endpoint answers 4 seconds late, like a slow backend
 * (`parameters.databrain.endpoint.delayMs`); reload the story to watch it again.
 */
const meta = {
  title: 'Token/Loading',
  component: LoadingStory,
  args: { customFallback: false },
  parameters: { databrain: { persona: 'acme-viewer', endpoint: { delayMs: 4_000 } } },
} satisfies Meta<typeof LoadingStory>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The default placeholders: announced to screen readers, sized like the embed. */
export const DefaultPlaceholder: Story = {
  play: async ({ canvas, canvasElement }) => {
    const [dashboardPlaceholder, metricPlaceholder] = await canvas.findAllByRole(
      'status',
      {},
      { timeout: PREVIEW_TIMEOUT },
    );
    await expect(dashboardPlaceholder).toHaveTextContent('Loading dashboard…');
    await expect(dashboardPlaceholder).toBeVisible();
    await expect(metricPlaceholder).toHaveTextContent('Loading metric…');
    await expect(metricPlaceholder?.getBoundingClientRect().height).toBe(200);
    await expect(canvasElement.querySelector('dbn-dashboard')).toBeNull();
    await findReadyPreview(canvasElement);
    await expect(canvas.queryByText('Loading dashboard…')).toBeNull();
  },
};

/** `fallback` replaces the placeholder with your own skeleton. */
export const CustomPlaceholder: Story = {
  args: { customFallback: true },
  play: async ({ canvas, canvasElement }) => {
    await expect(await canvas.findByTestId('skeleton', {}, { timeout: PREVIEW_TIMEOUT })).toBeVisible();
    await expect(canvas.queryByText('Loading dashboard…')).toBeNull();
    await findReadyPreview(canvasElement);
    await expect(canvas.queryByTestId('skeleton')).toBeNull();
  },
};

/**
 * The default placeholders while the token is still on its way: this story
 * ends before it arrives, so its accessibility check (run after the story)
 * reads the loading views themselves.
 */
export const WhileLoading: Story = {
  play: async ({ canvas }) => {
    const placeholders = await canvas.findAllByRole('status', {}, { timeout: PREVIEW_TIMEOUT });
    await expect(placeholders.map((placeholder) => placeholder.textContent)).toEqual([
      'Loading dashboard…',
      'Loading metric…',
    ]);
  },
};
