import type { CSSProperties, ReactElement } from 'react';

/**
 * What an embed shows when its token or its elements failed to load: a
 * message and a Retry button.
 *
 * @example
 * ```tsx
 * <DefaultErrorFallback message="The dashboard could not be loaded." retry={refresh} size={{ minHeight: 480 }} />
 * ```
 */
export function DefaultErrorFallback({
  message,
  retry,
  size,
}: {
  message: string;
  retry: () => void;
  size: CSSProperties;
}): ReactElement {
  return (
    <div
      role="alert"
      style={{
        ...size,
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        gap: 8,
        boxSizing: 'border-box',
      }}
    >
      <p style={{ margin: 0 }}>{message}</p>
      <button type="button" onClick={retry}>
        Retry
      </button>
    </div>
  );
}
