import type { DatabrainError } from '@databrain-embed/core/errors';
import { type CSSProperties, type ReactElement, useId } from 'react';

/**
 * The frame of the default loading and error views: the embed's own size, a
 * thin grey outline with rounded corners and centred content. It sets no
 * colour, background or font: the page's own show through, so the views
 * suit light and dark pages alike. Four declarations besides the size, none
 * of the shorthands that cost most (`border`, `background`, `font`): a
 * placeholder is rendered for every embed on the page at once, each inline
 * declaration costs the browser a parse, and a test DOM such as jsdom
 * re-serializes the whole style on each.
 *
 * @example
 * ```ts
 * const style = embedBoxStyle({ width: 480, height: 320 });
 * ```
 */
export function embedBoxStyle(size: CSSProperties): CSSProperties {
  return {
    ...size,
    display: 'grid',
    placeContent: 'center',
    // A 1 px outline drawn inside the box (so it never changes the box's size),
    // half-transparent grey so that it shows on light and dark pages.
    boxShadow: 'inset 0 0 0 1px rgba(128, 128, 128, 0.4)',
    borderRadius: 8,
  };
}

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
      {`Loading ${noun}…`}
    </div>
  );
}

// Rare, so it may take a few more declarations than the loading view.
const errorLayout: CSSProperties = {
  boxSizing: 'border-box',
  justifyItems: 'center',
  gap: 12,
  padding: 24,
  textAlign: 'center',
};

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
    <div role="alert" style={{ ...embedBoxStyle(size), ...errorLayout }}>
      <p id={messageId} style={{ margin: 0, fontWeight: 600 }}>{`The ${noun} could not be loaded.`}</p>
      <p style={{ margin: 0, fontSize: '0.85em' }}>
        Error code: <code>{error.code}</code>
      </p>
      <button type="button" aria-describedby={messageId} onClick={retry} style={buttonStyle}>
        Retry
      </button>
    </div>
  );
}
