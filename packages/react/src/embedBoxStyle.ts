import type { CSSProperties } from 'react';

/**
 * The frame of the default loading and error views: the embed's own size,
 * a light border and centred content, in neutral colours that suit light
 * pages and respect the page's font.
 *
 * @example
 * ```ts
 * const style = embedBoxStyle({ width: 480, height: 320 });
 * ```
 */
export function embedBoxStyle(size: CSSProperties): CSSProperties {
  return {
    ...size,
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    gap: 12,
    padding: 24,
    border: '1px solid #e5e7eb',
    borderRadius: 8,
    background: '#f9fafb',
    color: '#374151',
    font: 'inherit',
    textAlign: 'center',
  };
}
