'use client';

import { useRouter } from 'next/navigation';
import type { ReactElement } from 'react';
import { TENANTS } from '../lib/session';

/** A fake sign-in: the server keeps the chosen tenant in a cookie, then the page renders again. */
export function TenantSwitcher({ current }: { current: string | null }): ReactElement {
  const router = useRouter();
  const signIn = async (tenant: string): Promise<void> => {
    await fetch('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenant }),
    });
    router.refresh();
  };
  return (
    <fieldset>
      <legend>Signed in as</legend>
      {TENANTS.map((tenant) => (
        <button
          key={tenant}
          type="button"
          aria-pressed={current === tenant}
          onClick={() => void signIn(tenant)}
        >
          {tenant}
        </button>
      ))}
    </fieldset>
  );
}
