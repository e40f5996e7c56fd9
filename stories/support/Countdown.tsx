import { useGuestToken } from '@databrain-embed/react';
import { type ReactElement, useEffect, useState } from 'react';

/** Seconds until the provider's token expires, ticking; reads `useGuestToken()`. */
export function Countdown(): ReactElement {
  const { expiresAt, isRefreshing, status } = useGuestToken();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
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
