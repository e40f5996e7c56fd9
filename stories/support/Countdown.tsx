import { useGuestToken } from '@databrain-embed/react';
import { type ReactElement, useEffect, useState } from 'react';

/** Seconds until the provider's token expires, ticking; reads `useGuestToken()`. */
export function Countdown(): ReactElement {
  const { expiresAt, isRefreshing, status } = useGuestToken();
  // Re-render four times a second; the time itself is read during render, so a token that just
  // arrived never shows more than its lifetime.
  const [, setTicks] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTicks((ticks) => ticks + 1), 250);
    return () => clearInterval(timer);
  }, []);
  const now = Date.now();
  const seconds = expiresAt === null ? null : Math.max(0, Math.ceil((expiresAt - now) / 1000));
  return (
    <span data-testid="countdown">
      {status !== 'ready'
        ? status
        : seconds === null
          ? 'token never expires'
          : `token expires in ${seconds}s${isRefreshing ? ' (refreshing…)' : ''}`}
    </span>
  );
}
