import { Dashboard, Metric } from '@databrain-embed/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { findReadyPreview } from './support/preview.ts';

interface ThemeStoryProps {
  /** `theme.colors.primary`: accents, buttons, the card's top border in the preview. */
  primaryColor: string;
  /** `theme.typography.fontFamily`. */
  fontFamily: string;
  /** `chartColors`: the palette of every chart, in order. */
  chartColors: string[];
}

function ThemeStory({ primaryColor, fontFamily, chartColors }: ThemeStoryProps) {
  const theme = { colors: { primary: primaryColor }, typography: { fontFamily } };
  return (
    <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'flex-start' }}>
      <Dashboard dashboardId="sales-overview" theme={theme} chartColors={chartColors} />
      <Metric metricId="revenue" width={360} theme={theme} chartColors={chartColors} />
    </div>
  );
}

/** `#rrggbb` as the browser reports a computed colour. */
function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

/**
 * `theme` and `chartColors` are plain objects and arrays in React; the
 * components hand them to the element as DOM properties, so they arrive
 * intact in React 18 and 19 alike. Change the colours in the controls: the
 * element updates in place.
 */
const meta = {
  title: 'Embedding/Theme and chart colours',
  component: ThemeStory,
  argTypes: {
    primaryColor: { control: 'color' },
    chartColors: { control: 'object' },
  },
  args: {
    primaryColor: '#0f766e',
    fontFamily: 'Georgia, serif',
    chartColors: ['#0f766e', '#f97316', '#8b5cf6'],
  },
} satisfies Meta<typeof ThemeStory>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A teal brand colour and a three-colour palette on a dashboard and a metric. */
export const BrandColours: Story = {
  play: async ({ canvasElement, args }) => {
    for (const tag of ['dbn-dashboard', 'dbn-metric'] as const) {
      const element = await findReadyPreview(canvasElement, tag);
      const card = element.firstElementChild as HTMLElement;
      await expect(card.dataset.accent).toBe(args.primaryColor);
      await expect(getComputedStyle(card).borderTopColor).toBe(rgb(args.primaryColor));
      const bars = [...element.querySelectorAll<HTMLElement>('[data-testid="dbn-preview-chart"] > div')];
      await expect(bars.length).toBeGreaterThan(2);
      const colours = bars.map((bar) => getComputedStyle(bar).backgroundColor);
      await expect(colours.slice(0, 3)).toEqual(args.chartColors.slice(0, 3).map(rgb));
    }
  },
};

/** A darker brand: only the arguments change. */
export const Indigo: Story = {
  args: { primaryColor: '#3730a3', chartColors: ['#3730a3', '#06b6d4'] },
  play: async ({ canvasElement }) => {
    const dashboard = await findReadyPreview(canvasElement);
    const card = dashboard.firstElementChild as HTMLElement;
    await expect(getComputedStyle(card).borderTopColor).toBe(rgb('#3730a3'));
  },
};
