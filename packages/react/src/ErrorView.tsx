import type { DatabrainError } from '@databrain-embed/core/errors';
import type { CSSProperties, ReactElement } from 'react';
import { useId } from 'react';
import { embedBoxStyle } from './embedBoxStyle.ts';

const buttonStyle: CSSProperties = {
  font: 'inherit',
  fontWeight: 600,
  padding: '6px 16px',
  border: '1px solid #1f2937',
  borderRadius: 6,
  background: '#1f2937',
  color: '#ffffff',
  cursor: 'pointer',
};

/**
 * The default view when the token or the elements failed: a box the size of
 * the embed, announced at once (`role="alert"`), saying what failed, the
 * error's code for support, and a real button that tries again.
 *
 * @example
 * ```tsx
 * <ErrorView noun="metric" size={{ width: 480, height: 320 }} error={error} retry={retry} />
 * ```
 */
export function ErrorView({
  noun,
  size,
  error,
  retry,
}: {
  noun: string;
  size: CSSProperties;
  error: DatabrainError;
  retry: () => void;
}): ReactElement {
  const messageId = useId();
  return (
    <div role="alert" style={embedBoxStyle(size)}>
      <p id={messageId} style={{ margin: 0, fontWeight: 600 }}>{`The ${noun} could not be loaded.`}</p>
      <p style={{ margin: 0, fontSize: '0.85em', color: '#4b5563' }}>
        Error code: <code>{error.code}</code>
      </p>
      <button type="button" aria-describedby={messageId} onClick={retry} style={buttonStyle}>
        Retry
      </button>
    </div>
  );
}
