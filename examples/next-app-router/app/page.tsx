import { headers } from 'next/headers';
import { databrainSetup } from '../lib/databrainSetup';
import { readTenant } from '../lib/session';
import { tokens } from '../lib/tokens';
import { Analytics } from './Analytics';
import { TenantSwitcher } from './TenantSwitcher';

export default async function Page() {
  const requestHeaders = await headers();
  const tenant = readTenant(requestHeaders.get('cookie'));
  const { elements, embeds } = databrainSetup();
  // The first token is minted while rendering, so the first paint needs no round trip.
  // If minting fails, onError has logged why, and the browser asks the route instead.
  const initialToken = tenant ? await tokens.mint(requestHeaders).catch(() => null) : null;

  return (
    <main>
      <h1>Analytics</h1>
      <TenantSwitcher current={tenant} />
      {tenant === null ? (
        <p>Pick a tenant to sign in.</p>
      ) : (
        <Analytics tenant={tenant} initialToken={initialToken} elements={elements} embeds={embeds} />
      )}
    </main>
  );
}
