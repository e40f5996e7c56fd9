import type { ReactElement } from 'react';

/** One bar: a label and its value. */
export interface Bar {
  readonly label: string;
  readonly value: number;
}

const WIDTH = 360;
const BAR_HEIGHT = 22;
const GAP = 8;
const LABEL_WIDTH = 64;
const VALUE_WIDTH = 64;

export const formatAmount = (value: number): string => value.toLocaleString('en-US');

/**
 * The stories' own small bar chart, in plain SVG: what a team draws with its
 * design system from the rows `useMetricData` returns, no chart library
 * needed. Each bar carries `data-testid="bar-<label>"` and its value as text.
 */
export function RevenueChart({ bars, title }: { bars: readonly Bar[]; title: string }): ReactElement {
  const largest = Math.max(1, ...bars.map((bar) => bar.value));
  const span = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = bars.length * (BAR_HEIGHT + GAP);
  return (
    <svg
      role="img"
      aria-label={`${title}: ${bars.map((bar) => `${bar.label} ${formatAmount(bar.value)}`).join(', ')}`}
      width={WIDTH}
      height={height}
      viewBox={`0 0 ${WIDTH} ${height}`}
    >
      {bars.map((bar, index) => {
        const y = index * (BAR_HEIGHT + GAP);
        const width = Math.max(2, (bar.value / largest) * span);
        return (
          <g key={bar.label} data-testid={`bar-${bar.label}`}>
            <text x={0} y={y + BAR_HEIGHT * 0.7} fontSize={13} fill="#1f2937">
              {bar.label}
            </text>
            <rect x={LABEL_WIDTH} y={y} width={width} height={BAR_HEIGHT} rx={3} fill="#4f46e5" />
            <text x={LABEL_WIDTH + width + 6} y={y + BAR_HEIGHT * 0.7} fontSize={13} fill="#1f2937">
              {formatAmount(bar.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
