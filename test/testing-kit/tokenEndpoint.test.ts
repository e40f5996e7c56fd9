// A backend test as a user writes it: the emulator runs from the project's
// globalSetup; this file reaches it only through the public testing entry.
import { EMULATOR_API_KEY } from '@databrain-embed/emulator';
import { connectEmulator, EMULATOR_URL_ENV } from '@databrain-embed/emulator/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { type AppUser, createTokenEndpoint } from './app/tokenEndpoint.ts';

const emulator = connectEmulator(process.env[EMULATOR_URL_ENV]);
let signedIn: AppUser | null = null;
const endpoint = createTokenEndpoint({
  apiKey: EMULATOR_API_KEY,
  databrainUrl: emulator.url,
  currentUser: () => signedIn,
});

const requestToken = () => endpoint(new Request('http://app.test/api/databrain/token', { method: 'POST' }));

afterEach(async () => {
  await emulator.faults.clear();
  await emulator.clock.reset();
});

describe('the app token endpoint', () => {
  it('mints a token whose claims carry the signed-in user’s tenant and role', async () => {
    signedIn = { tenantId: 'acme', role: 'viewer' };
    const response = await requestToken();
    expect(response.status).toBe(200);
    const { token, expiresIn } = (await response.json()) as { token: string; expiresIn: number };
    expect(expiresIn).toBe(15 * 60 * 1000);

    const claims = await emulator.getTokenClaims(token);
    expect(claims?.clientId).toBe('acme');
    expect(claims?.permissions).toEqual({ isEnableDownloadMetrics: false });
  });

  it('refuses anyone not signed in, without asking DataBrain', async () => {
    signedIn = null;
    const before = (await emulator.requests()).length;
    expect((await requestToken()).status).toBe(401);
    expect((await emulator.requests()).length).toBe(before);
  });

  it('answers 502 while DataBrain fails, and recovers when it is back', async () => {
    signedIn = { tenantId: 'globex', role: 'analyst' };
    await emulator.faults.add({ path: '/api/v2/guest-token/create', status: 500, times: 100 });
    const failed = await requestToken();
    expect(failed.status).toBe(502);
    expect(await failed.text()).not.toContain(EMULATOR_API_KEY);

    await emulator.faults.clear();
    expect((await requestToken()).status).toBe(200);
  });

  it('mints tokens that DataBrain stops accepting after 15 minutes, checked without waiting', async () => {
    signedIn = { tenantId: 'acme', role: 'analyst' };
    const { token } = (await (await requestToken()).json()) as { token: string };
    const readDashboard = () =>
      fetch(`${emulator.url}/api/v2/dashboard?dashboardId=sales-overview`, {
        headers: { 'X-Plugin-Token': token },
      });
    expect((await readDashboard()).status).toBe(200);

    await emulator.clock.advance(15 * 60 * 1000 + 1);
    const expired = await readDashboard();
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ error: { code: 'EXPIRED_TOKEN' } });
  });
});
