import { isDatabrainError } from '@databrain-embed/core';
import {
  EMULATOR_API_KEY,
  EMULATOR_DATA_APP,
  type RunningEmulator,
  startEmulator,
} from '@databrain-embed/emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatabrainClient } from './createDatabrainClient.ts';
import { createGuestTokenHandler, type GuestTokenHandlerOptions } from './createGuestTokenHandler.ts';

let emulator: RunningEmulator;
beforeEach(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterEach(async () => {
  await emulator.close();
});

const HOUR = 60 * 60 * 1000;

function handler(options: Partial<GuestTokenHandlerOptions> = {}) {
  return createGuestTokenHandler({
    client: createDatabrainClient({ apiKey: EMULATOR_API_KEY, baseUrl: emulator.url, retryDelay: 5 }),
    dataAppName: EMULATOR_DATA_APP,
    authorize: (request) =>
      request.headers.get('cookie') === 'session=alice' ? { clientId: 'tenant-alice' } : null,
    ...options,
  });
}

const post = (init: RequestInit = {}) =>
  new Request('http://app.example.com/api/databrain-token', {
    method: 'POST',
    headers: { cookie: 'session=alice' },
    ...init,
  });

describe('createGuestTokenHandler', () => {
  it('answers a signed-in user with a token for their tenant, valid one hour by default', async () => {
    const response = await handler()(post());
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).toContain('application/json');
    const body = (await response.json()) as { token: string; expiresIn: number | null };
    expect(body.expiresIn).toBe(HOUR);
    const claims = emulator.getTokenClaims(body.token);
    expect(claims?.clientId).toBe('tenant-alice');
    expect(claims?.dataAppName).toBe(EMULATOR_DATA_APP);
    expect((claims?.expiresAt ?? 0) - (claims?.issuedAt ?? 0)).toBe(HOUR);
  });

  it('uses the lifetime of the grant over the handler default, and null for a token that never expires', async () => {
    const perGrant = handler({
      expiresIn: 5 * 60_000,
      authorize: () => ({ clientId: 'a', expiresIn: 60_000 }),
    });
    const first = (await (await perGrant(post())).json()) as { expiresIn: number | null };
    expect(first.expiresIn).toBe(60_000);

    const never = handler({ expiresIn: 'never', authorize: () => ({ clientId: 'a' }) });
    const second = (await (await never(post())).json()) as { token: string; expiresIn: number | null };
    expect(second.expiresIn).toBeNull();
    expect(emulator.getTokenClaims(second.token)?.expiresAt).toBeNull();
  });

  it('passes the grant filters, permissions and datasource to DataBrain', async () => {
    const respond = handler({
      authorize: () => ({
        clientId: 'tenant-bob',
        params: { userIdentifier: 'bob', hideDashboardFilters: ['region'] },
        permissions: { isEnableDownloadMetrics: false },
        datasourceName: 'warehouse',
      }),
    });
    const { token } = (await (await respond(post())).json()) as { token: string };
    const claims = emulator.getTokenClaims(token);
    expect(claims?.params).toEqual({ userIdentifier: 'bob', hideDashboardFilters: ['region'] });
    expect(claims?.permissions).toEqual({ isEnableDownloadMetrics: false });
    expect(claims?.datasourceName).toBe('warehouse');
  });

  it('ignores a request body that tries to choose the tenant, filters or permissions', async () => {
    const attack = JSON.stringify({
      clientId: 'tenant-victim',
      dataAppName: 'other-app',
      params: { appFilters: [{ metricId: 'revenue', values: { country: 'ALL' } }] },
      permissions: { isEnableManageMetrics: true, isEnableUnderlyingData: true },
      expiryTime: 10 * 365 * 24 * HOUR,
    });
    const response = await handler()(
      post({ body: attack, headers: { cookie: 'session=alice', 'content-type': 'application/json' } }),
    );
    const { token, expiresIn } = (await response.json()) as { token: string; expiresIn: number };
    expect(expiresIn).toBe(HOUR);
    expect(emulator.getTokenClaims(token)).toMatchObject({
      clientId: 'tenant-alice',
      dataAppName: EMULATOR_DATA_APP,
      params: {},
      permissions: {},
    });
  });

  it('answers 401 when nobody is signed in, without calling DataBrain', async () => {
    const response = await handler()(post({ headers: {} }));
    expect(response.status).toBe(401);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ error: { code: 'UNAUTHORIZED', message: expect.any(String) } });
    expect(emulator.requests).toEqual([]);
  });

  it.each(['GET', 'PUT', 'DELETE', 'OPTIONS'])('answers %s with 405 and Allow: POST', async (method) => {
    const response = await handler()(new Request('http://app.example.com/api/databrain-token', { method }));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(emulator.requests).toEqual([]);
  });

  it('answers 500 with a safe message when authorize throws, and reports the error', async () => {
    const reported: unknown[] = [];
    const failure = new Error('session store password=hunter2 unreachable');
    const response = await handler({
      authorize: () => {
        throw failure;
      },
      onError: (error) => reported.push(error),
    })(post());
    expect(response.status).toBe(500);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = await response.text();
    expect(text).not.toContain('hunter2');
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'INTERNAL_ERROR' } });
    expect(reported).toHaveLength(1);
    expect(isDatabrainError(reported[0])).toBe(true);
    expect(reported[0]).toMatchObject({ code: 'AUTHORIZE_FAILED', cause: failure });
  });

  it('answers 502 UPSTREAM_ERROR without DataBrain details when DataBrain fails', async () => {
    emulator.faults.add({ status: 500, times: 10 });
    const reported: unknown[] = [];
    const response = await handler({ onError: (error) => reported.push(error) })(post());
    expect(response.status).toBe(502);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'UPSTREAM_ERROR', message: expect.any(String) } });
    expect(text).not.toContain('INTERNAL_SERVER_ERROR');
    expect(text).not.toContain('injected');
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', status: 500 });
  });

  it('answers 503 UPSTREAM_BUSY with Retry-After when DataBrain keeps rate-limiting', async () => {
    // Longer than the client waits, so it gives up at once and hands the delay on.
    emulator.faults.add({ status: 429, times: 10, retryAfter: 120 });
    const reported: unknown[] = [];
    const response = await handler({ onError: (error) => reported.push(error) })(post());
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('120');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      error: { code: 'UPSTREAM_BUSY', message: 'The analytics service is busy. Try again later.' },
    });
    expect(reported).toEqual([expect.objectContaining({ status: 429, retryAfter: 120 })]);
  });

  it('answers 503 without Retry-After when DataBrain sent none', async () => {
    emulator.faults.add({ status: 429, times: 10, retryAfter: null });
    const response = await handler()(post());
    expect(response.status).toBe(503);
    expect(response.headers.has('retry-after')).toBe(false);
  });

  it('answers 500 when authorize returns a grant that fails validation', async () => {
    const response = await handler({ authorize: () => ({ clientId: '' }) })(post());
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ error: { code: 'INTERNAL_ERROR' } });
    expect(emulator.requests).toEqual([]);
  });

  it('still answers when onError itself throws', async () => {
    emulator.faults.add({ status: 503, times: 10 });
    const response = await handler({
      onError: () => {
        throw new Error('logger down');
      },
    })(post());
    expect(response.status).toBe(502);
  });

  it('works with an async authorize reading the request', async () => {
    const response = await handler({
      authorize: async (request) => {
        await Promise.resolve();
        const user = request.headers.get('x-user');
        return user ? { clientId: user } : null;
      },
    })(post({ headers: { 'x-user': 'tenant-carol' } }));
    const { token } = (await response.json()) as { token: string };
    expect(emulator.getTokenClaims(token)?.clientId).toBe('tenant-carol');
  });
});
