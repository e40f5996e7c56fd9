import { type ReactElement, useEffect, useState } from 'react';
import { Analytics, AnalyticsProvider } from './Analytics.tsx';
import { RevenueKpi } from './RevenueKpi.tsx';
import type { Session } from './Session.ts';

async function readSession(): Promise<Session> {
  const response = await fetch('/api/session');
  const session = (await response.json()) as Session;
  // On the emulator, its preview elements take the names of DataBrain's own
  // before anything renders, so the provider's default loader finds them
  // defined and never imports the plugin.
  if (session.elements.kind === 'preview') {
    const { definePreviewElements } = await import('@databrain-embed/emulator/elements');
    await definePreviewElements({ apiUrl: session.elements.apiUrl });
  }
  return session;
}

/** A fake sign-in: the server keeps the chosen tenant in a cookie, as a real session would. */
async function signIn(tenant: string): Promise<Session> {
  await fetch('/api/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenant }),
  });
  return readSession();
}

export function App(): ReactElement {
  const [session, setSession] = useState<Session | null>(null);
  useEffect(() => {
    void readSession().then(setSession);
  }, []);
  if (session === null) return <p>Loading…</p>;

  const page = (
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 960, margin: '24px auto' }}>
      <header style={{ display: 'flex', alignItems: 'baseline', justifyContent: 'space-between' }}>
        <h1>Analytics</h1>
        {session.tenant !== null && <RevenueKpi />}
      </header>
      <fieldset>
        <legend>Signed in as</legend>
        {session.tenants.map((tenant) => (
          <button
            key={tenant}
            type="button"
            aria-pressed={session.tenant === tenant}
            onClick={() => void signIn(tenant).then(setSession)}
          >
            {tenant}
          </button>
        ))}
      </fieldset>
      {session.tenant === null ? <p>Pick a tenant to sign in.</p> : <Analytics />}
    </main>
  );
  // Signed in, the header's KPI and the embeds share one provider.
  return session.tenant === null ? (
    page
  ) : (
    <AnalyticsProvider userId={session.tenant}>{page}</AnalyticsProvider>
  );
}
