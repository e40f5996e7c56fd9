import { isRecord } from '@databrain-embed/core/guards';

/**
 * The colours and font a preview card is drawn with.
 *
 * @example
 * ```ts
 * import type { PreviewTheme } from '@databrain-embed/emulator/elements';
 * const theme: PreviewTheme = { accent: '#0f766e', fontFamily: 'Georgia, serif', chartColors: ['#0f766e'] };
 * ```
 */
export interface PreviewTheme {
  /** `theme.colors.primary`: the card's top border, KPI edges and table rule. */
  readonly accent: string;
  /** `theme.typography.fontFamily`, or `undefined` for the system font. */
  readonly fontFamily: string | undefined;
  /** The bar colours, used in order and repeated. */
  readonly chartColors: readonly string[];
}

/**
 * The accent and palette used when the element gets no theme.
 *
 * @example
 * ```ts
 * import { DEFAULT_PREVIEW_THEME } from '@databrain-embed/emulator/elements';
 * DEFAULT_PREVIEW_THEME.accent; // '#4f46e5'
 * ```
 */
export const DEFAULT_PREVIEW_THEME: PreviewTheme = {
  accent: '#4f46e5',
  fontFamily: undefined,
  chartColors: ['#4f46e5', '#0ea5e9', '#10b981', '#f59e0b', '#ef4444'],
};

function colourList(value: unknown): readonly string[] | undefined {
  return Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string')
    ? value
    : undefined;
}

/**
 * Reads what a preview card draws with from the element's `theme`,
 * `chartColors` and `options.chartColors`, as DataBrain's elements take
 * them; anything missing or malformed falls back to
 * {@link DEFAULT_PREVIEW_THEME}.
 *
 * @example
 * ```ts
 * import { readPreviewTheme } from '@databrain-embed/emulator/elements';
 * readPreviewTheme({ colors: { primary: '#0f766e' } }, ['#0f766e', '#f97316'], undefined).accent; // '#0f766e'
 * ```
 */
export function readPreviewTheme(theme: unknown, chartColors: unknown, options: unknown): PreviewTheme {
  const colors = isRecord(theme) && isRecord(theme.colors) ? theme.colors : {};
  const typography = isRecord(theme) && isRecord(theme.typography) ? theme.typography : {};
  return {
    accent:
      typeof colors.primary === 'string' && colors.primary !== ''
        ? colors.primary
        : DEFAULT_PREVIEW_THEME.accent,
    fontFamily:
      typeof typography.fontFamily === 'string' && typography.fontFamily !== ''
        ? typography.fontFamily
        : undefined,
    chartColors:
      colourList(chartColors) ??
      (isRecord(options) ? colourList(options.chartColors) : undefined) ??
      DEFAULT_PREVIEW_THEME.chartColors,
  };
}
