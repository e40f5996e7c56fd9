import { DatabrainApiError, isDatabrainError } from '@databrain-embed/core';
import {
  EMULATOR_API_KEY,
  EMULATOR_DATA_APP,
  type EmulatorFault,
  type RunningEmulator,
  startEmulator,
} from '@databrain-embed/emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatabrainClient } from './createDatabrainClient.ts';
import type { GuestTokenGrant } from './createGuestTokenHandler.ts';
import { createGuestTokenIssuer } from './createGuestTokenIssuer.ts';

let emulator: RunningEmulator;
beforeEach(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterEach(async () => {
  await emulator.close();
});

/** The one place that decides who gets which grant, as an app writes it. */
const GRANTS: Readonly<Record<string, GuestTokenGrant>> = {
  alice: { clientId: 'acme', expiresIn: 60_000 },
  bob: { clientId: 'globex', permissions: { isEnableDownloadMetrics: false } },
};

function issuer(reported: unknown[] = []) {
  const seenUrls: string[] = [];
  const tokens = createGuestTokenIssuer({
    client: createDatabrainClient({ apiKey: EMULATOR_API_KEY, baseUrl: emulator.url, retryDelay: 1 }),
    dataAppName: EMULATOR_DATA_APP,
    expiresIn: '30m',
    authorize: (request) => {
      seenUrls.push(request.url);
      const user = /session=(\w+)/.exec(request.headers.get('cookie') ?? '')?.[1];
      return (user && GRANTS[user]) || null;
    },
    onError: (error) => reported.push(error),
  });
  return { tokens, seenUrls };
}

describe('createGuestTokenIssuer', () => {
  it('mints from page headers the same grant the route gives the browser', async () => {
    const { tokens } = issuer();
    const minted = await tokens.mint(new Headers({ cookie: 'session=bob', host: 'app.example.com' }));
    const routed = await tokens.handler(
      new Request('http://app.example.com/api/databrain/token', {
        method: 'POST',
        headers: { cookie: 'session=bob' },
      }),
    );
    const fromRoute = (await routed.json()) as { token: string; expiresIn: number };
    // A token cache in the handler may answer both with one token and its remaining lifetime.
    for (const lifetime of [minted?.expiresIn, fromRoute.expiresIn]) {
      expect(lifetime).toBeGreaterThan(29 * 60 * 1000);
      expect(lifetime).toBeLessThanOrEqual(30 * 60 * 1000);
    }
    const mintedClaims = emulator.getTokenClaims(minted?.token ?? '');
    const routedClaims = emulator.getTokenClaims(fromRoute.token);
    expect(mintedClaims?.clientId).toBe('globex');
    expect(mintedClaims?.permissions).toEqual(routedClaims?.permissions);
    expect(mintedClaims?.permissions.isEnableDownloadMetrics).toBe(false);
  });

  it("keeps the grant's own lifetime", async () => {
    const { tokens } = issuer();
    expect(await tokens.mint(new Headers({ cookie: 'session=alice' }))).toMatchObject({ expiresIn: 60_000 });
  });

  it('resolves null when nobody is signed in, without calling DataBrain', async () => {
    const { tokens } = issuer();
    expect(await tokens.mint(new Headers())).toBeNull();
    expect(emulator.requests).toEqual([]);
  });

  it("takes a page's Request and gives authorize its URL", async () => {
    const { tokens, seenUrls } = issuer();
    const page = new Request('http://app.example.com/reports?tab=1', {
      headers: { cookie: 'session=alice' },
    });
    expect(await tokens.mint(page)).toMatchObject({ token: expect.any(String) });
    expect(seenUrls).toEqual(['http://app.example.com/reports?tab=1']);
  });

  it('puts the page host in the URL authorize sees, and localhost without one', async () => {
    const { tokens, seenUrls } = issuer();
    await tokens.mint(new Headers({ host: 'portal.example.com:3000' }));
    await tokens.mint(new Headers({ host: 'not a host' }));
    expect(seenUrls).toEqual(['http://portal.example.com:3000/', 'http://localhost/']);
  });

  it("rejects with DataBrain's code and status and nothing secret when DataBrain fails, and reports that error", async () => {
    const reported: unknown[] = [];
    const { tokens } = issuer(reported);
    emulator.faults.add({ path: '/api/v2/guest-token/create', status: 500, times: 10 });
    const failure = await tokens
      .mint(new Headers({ cookie: 'session=alice' }))
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DatabrainApiError);
    expect(failure).toMatchObject({
      status: 500,
      code: 'INTERNAL_SERVER_ERROR',
      endpoint: 'POST /api/v2/guest-token/create',
    });
    expect(JSON.stringify(failure) + String((failure as Error).message)).not.toContain(EMULATOR_API_KEY);
    expect(reported).toEqual([failure]);
  });

  it('passes on the Retry-After of a busy DataBrain', async () => {
    const { tokens } = issuer();
    emulator.faults.add({ path: '/api/v2/guest-token/create', status: 429, times: 10, retryAfter: 60 });
    const failure = await tokens
      .mint(new Headers({ cookie: 'session=alice' }))
      .catch((error: unknown) => error);
    expect(isDatabrainError(failure)).toBe(true);
    expect(failure).toBeInstanceOf(DatabrainApiError);
    expect(failure).toMatchObject({ status: 429, code: 'RATE_LIMIT_EXCEEDED', retryAfter: 60 });
  });

  it.each([
    ['a 503', { status: 503 as const, times: 10 }, 'INTERNAL_SERVER_ERROR', 503],
    ['a timeout', { latencyMs: 2_000, times: 10 }, 'TIMEOUT', 0],
    ['a dropped connection', { drop: true as const, times: 10 }, 'NETWORK_ERROR', 0],
  ] satisfies [string, EmulatorFault, string, number][])(
    'rejects after %s with the upstream code and status, the cause kept, and reports that very error',
    async (_, fault, code, status) => {
      const reported: unknown[] = [];
      const tokens = createGuestTokenIssuer({
        client: createDatabrainClient({
          apiKey: EMULATOR_API_KEY,
          baseUrl: emulator.url,
          retryDelay: 1,
          timeoutMs: 200,
        }),
        dataAppName: EMULATOR_DATA_APP,
        authorize: () => GRANTS.alice ?? null,
        onError: (error) => reported.push(error),
      });
      emulator.faults.add({ path: '/api/v2/guest-token/create', ...fault });
      const failure = await tokens.mint(new Headers()).catch((error: unknown) => error);
      expect(isDatabrainError(failure)).toBe(true);
      expect(failure).toBeInstanceOf(DatabrainApiError);
      expect(failure).toMatchObject({ code, status, endpoint: 'POST /api/v2/guest-token/create' });
      if (code === 'NETWORK_ERROR') expect((failure as Error).cause).toBeInstanceOf(TypeError);
      expect(reported).toEqual([failure]);
      expect(reported[0]).toBe(failure);
    },
  );

  it('aborts the DataBrain call with the given signal, reporting no error', async () => {
    const reported: unknown[] = [];
    const { tokens } = issuer(reported);
    emulator.faults.add({ path: '/api/v2/guest-token/create', latencyMs: 10_000 });
    const controller = new AbortController();
    const minting = tokens.mint(new Headers({ cookie: 'session=alice' }), { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await expect(minting).rejects.toMatchObject({ name: 'DatabrainApiError' });
    expect(reported).toEqual([]);
  });
});
