import type { CSSProperties, ReactElement } from 'react';

/**
 * The placeholder shown while the token or the elements load: sized like
 * the embed, so the page does not jump, and announced to screen readers.
 *
 * @example
 * ```tsx
 * <DefaultFallback label="Loading dashboard…" size={{ width: '100%', minHeight: 480 }} />
 * ```
 */
export function DefaultFallback({ label, size }: { label: string; size: CSSProperties }): ReactElement {
  return (
    <div
      role="status"
      aria-live="polite"
      aria-busy="true"
      data-databrain-placeholder=""
      style={{
        ...size,
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        boxSizing: 'border-box',
      }}
    >
      {label}
    </div>
  );
}
