import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { DatabrainProvider } from './DatabrainProvider.tsx';
import { Dashboard } from './elements/Dashboard.tsx';
import { useGuestToken } from './useGuestToken.ts';

function TokenStatus() {
  const { status, token } = useGuestToken();
  return <output>{`${status}:${token ?? 'none'}`}</output>;
}

describe('server rendering', () => {
  it('runs without a window', () => {
    expect(typeof window).toBe('undefined');
  });

  it('renders sized placeholders and fetches nothing', () => {
    const fetchToken = vi.fn();
    const html = renderToString(
      <DatabrainProvider fetchToken={fetchToken}>
        <Dashboard dashboardId="sales-overview" className="panel" />
        <TokenStatus />
      </DatabrainProvider>,
    );
    expect(html).toContain('role="status"');
    expect(html).toContain('min-height:480px');
    expect(html).toContain('class="panel"');
    expect(html).toContain('loading:none');
    expect(html).not.toContain('dbn-dashboard');
    expect(fetchToken).not.toHaveBeenCalled();
  });

  it('uses an initialToken minted on the server, still rendering a placeholder for the element', () => {
    const html = renderToString(
      <DatabrainProvider fetchToken={vi.fn()} initialToken={{ token: 'minted', expiresIn: 60_000 }}>
        <Dashboard dashboardId="sales-overview" />
        <TokenStatus />
      </DatabrainProvider>,
    );
    expect(html).toContain('ready:minted');
    expect(html).toContain('role="status"');
    expect(html).not.toContain('<dbn-dashboard');
  });
});
