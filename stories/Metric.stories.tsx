import { Metric, type MetricProps } from '@databrain-embed/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { field, findReadyPreview } from './support/preview.ts';

/**
 * `<Metric>` embeds one metric card (`<dbn-metric>`). `width` and `height`
 * are pixels; the placeholder shown while loading has the same size, so the
 * page does not jump.
 */
const meta = {
  title: 'Embedding/Metric',
  component: Metric,
  args: { metricId: 'revenue' },
  argTypes: {
    metricId: { control: 'select', options: ['revenue', 'active-users'] },
    variant: { control: 'inline-radio', options: ['card', 'fullscreen'] },
    width: { control: { type: 'range', min: 200, max: 900, step: 20 } },
    height: { control: { type: 'range', min: 120, max: 600, step: 20 } },
  },
  render: (props: MetricProps) => <Metric {...props} />,
  parameters: { databrain: { persona: 'acme-viewer' } },
} satisfies Meta<typeof Metric>;

export default meta;
type Story = StoryObj<typeof meta>;

async function expectCardSize(canvasElement: HTMLElement, width: number, height: number): Promise<void> {
  const metric = await findReadyPreview(canvasElement, 'dbn-metric');
  await expect(field(metric, 'embed')).toBe('revenue');
  const box = (metric.firstElementChild as HTMLElement).getBoundingClientRect();
  await expect(Math.round(box.width)).toBe(width);
  await expect(Math.round(box.height)).toBe(height);
}

/** A compact tile. */
export const Small: Story = {
  args: { width: 280, height: 200 },
  play: ({ canvasElement }) => expectCardSize(canvasElement, 280, 200),
};

/** The default card size of most layouts. */
export const Medium: Story = {
  args: { width: 480, height: 320 },
  play: ({ canvasElement }) => expectCardSize(canvasElement, 480, 320),
};

/** A wide report card. */
export const Large: Story = {
  args: { width: 760, height: 440 },
  play: ({ canvasElement }) => expectCardSize(canvasElement, 760, 440),
};

/** `variant="fullscreen"` fills its container's width. */
export const Fullscreen: Story = {
  args: { variant: 'fullscreen', height: 300 },
  play: async ({ canvasElement }) => {
    const metric = await findReadyPreview(canvasElement, 'dbn-metric');
    const card = (metric.firstElementChild as HTMLElement).getBoundingClientRect();
    const container = (metric.parentElement as HTMLElement).getBoundingClientRect();
    await expect(Math.round(card.width)).toBe(Math.round(container.width));
  },
};

/**
 * Elements inside the card that are wider than it: content overflowing an
 * element (scroll width beyond client width, the card included) or an element
 * wider than the card's inner width. Empty when nothing spills out or is clipped.
 */
function elementsWiderThanCard(card: HTMLElement): string[] {
  const limit = card.clientWidth + 1; // sub-pixel rounding
  const offenders: string[] = [];
  for (const element of [card, ...card.querySelectorAll<HTMLElement>('*')]) {
    // The card's own box includes its border; only what is inside it must fit its inner width.
    const width = element === card ? 0 : element.getBoundingClientRect().width;
    // Inline boxes have no client width; their own box is what must fit.
    const overflowing = element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1;
    if (overflowing || width > limit) {
      const name = element.dataset.testid ?? element.localName;
      offenders.push(
        `${name}: ${Math.round(width)}px box, ${element.scrollWidth}px content, card ${card.clientWidth}px`,
      );
    }
  }
  return offenders;
}

/** A metric card `width` pixels wide whose contents all fit inside it. */
function fitsAt(width: number): Story {
  return {
    args: { width, height: 360 },
    play: async ({ canvasElement }) => {
      const metric = await findReadyPreview(canvasElement, 'dbn-metric');
      const card = metric.firstElementChild as HTMLElement;
      await expect(Math.round(card.getBoundingClientRect().width)).toBe(width);
      await expect(elementsWiderThanCard(card)).toEqual([]);
    },
  };
}

/** A phone-sized card: every part of the card fits its 320 px. */
export const Narrow320: Story = fitsAt(320);

/** A sidebar-sized card, 480 px. */
export const Column480: Story = fitsAt(480);

/** A wide card, 960 px. */
export const Wide960: Story = fitsAt(960);

/** Another metric of the data app. */
export const ActiveUsers: Story = {
  args: { metricId: 'active-users', width: 420, height: 260 },
  play: async ({ canvasElement }) => {
    const metric = await findReadyPreview(canvasElement, 'dbn-metric');
    await expect(field(metric, 'embed')).toBe('active-users');
    await expect(field(metric, 'client')).toBe('acme');
  },
};
