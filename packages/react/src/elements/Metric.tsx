import type { FunctionComponent } from 'react';
import { createElementComponent, type EmbedComponentProps } from './createElementComponent.tsx';
import type { DatabrainLanguage, DatabrainTheme } from './databrainElementTypes.ts';

/**
 * The `dbn-metric` element's own props, camelCased.
 *
 * @example
 * ```ts
 * import type { MetricElementProps } from '@databrain-embed/react';
 * const props: MetricElementProps = { metricId: 'revenue', width: 480, height: 320 };
 * ```
 */
export interface MetricElementProps {
  /** Embed ID of a metric embed. */
  metricId: string;
  /** Card width in pixels. */
  width?: number;
  /** Card height in pixels. */
  height?: number;
  variant?: 'card' | 'fullscreen';
  /** ECharts renderer; DataBrain defaults to canvas. */
  chartRendererType?: 'svg' | 'canvas';
  chartColors?: string[];
  theme?: DatabrainTheme;
  /** Called when the metric's minimize button is clicked. */
  onMinimize?: () => void;
  metricFilterPosition?: 'inside' | 'outside';
  enableMultiMetricFilters?: boolean;
  language?: DatabrainLanguage;
}

/**
 * Props of {@link Metric}. `className` and `style` style a wrapping `<div>`:
 * DataBrain's metric element breaks when given a `style`.
 *
 * @example
 * ```ts
 * import type { MetricProps } from '@databrain-embed/react';
 * const props: MetricProps = { metricId: 'revenue', variant: 'card', className: 'tile' };
 * ```
 */
export interface MetricProps extends MetricElementProps, EmbedComponentProps {}

/**
 * A single DataBrain metric card. Must be inside `<DatabrainProvider>`.
 *
 * @example
 * ```tsx
 * import { DatabrainProvider, Metric } from '@databrain-embed/react';
 *
 * <DatabrainProvider tokenEndpoint="/api/databrain/token">
 *   <Metric metricId="revenue" width={480} height={320} chartRendererType="svg" />
 * </DatabrainProvider>;
 * ```
 */
export const Metric: FunctionComponent<MetricProps> =
  // Without a width, the placeholder fills the width it is given, as a block does.
  /* @__PURE__ */ createElementComponent<MetricElementProps>('Metric', ({ width, height = 320 }) =>
    width === undefined ? { height } : { width, height },
  );
