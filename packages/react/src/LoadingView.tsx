import type { CSSProperties, ReactElement } from 'react';
import { embedBoxStyle } from './embedBoxStyle.ts';

const barStyle: CSSProperties = {
  width: 120,
  height: 6,
  borderRadius: 3,
  background: 'linear-gradient(90deg, #e5e7eb, #9ca3af, #e5e7eb)',
};

/**
 * The default view while the token or the elements load: a box the size of
 * the embed, announced politely to screen readers (`role="status"`).
 *
 * @example
 * ```tsx
 * <LoadingView noun="dashboard" size={{ width: '100%', minHeight: 480 }} />
 * ```
 */
export function LoadingView({ noun, size }: { noun: string; size: CSSProperties }): ReactElement {
  return (
    <div role="status" aria-busy="true" style={embedBoxStyle(size)}>
      <div aria-hidden="true" style={barStyle} />
      <span>{`Loading ${noun}…`}</span>
    </div>
  );
}
