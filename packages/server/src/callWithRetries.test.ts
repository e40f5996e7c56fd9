import { DatabrainApiError } from '@databrain-embed/core';
import { EMULATOR_SERVICE_TOKEN, type RunningEmulator, startEmulator } from '@databrain-embed/emulator';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDatabrainClient } from './createDatabrainClient.ts';
import { createGuestTokenHandler } from './createGuestTokenHandler.ts';
import type { DatabrainClientOptions } from './DatabrainClientOptions.ts';
import { MAX_RETRY_AFTER_SECONDS, parseRetryAfter } from './parseRetryAfter.ts';
import { startScriptedServer } from './testing/startScriptedServer.ts';

let emulator: RunningEmulator;

// A fresh emulator per test, so a slow request of one test is never counted in the next.
beforeEach(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterEach(async () => {
  await emulator.close();
});

const LIST = '/api/v2/data-app';
const WORKSPACE = '/api/v2/workspace';

function client(options: Partial<DatabrainClientOptions> = {}) {
  return createDatabrainClient({
    serviceToken: EMULATOR_SERVICE_TOKEN,
    baseUrl: emulator.url,
    retryDelay: 5,
    ...options,
  });
}

const logged = (path: string): number => emulator.requests.filter((entry) => entry.path === path).length;

/** Runs `run` and returns its error (if any); the request count is checked with {@link expectLogged}. */
function outcome(run: () => Promise<unknown>): Promise<unknown> {
  return run().then(
    () => undefined,
    (error: unknown) => error,
  );
}

/**
 * The emulator logs a request when its connection closes, which can be a
 * moment after the client has its answer; wait for the log to catch up.
 */
async function expectLogged(path: string, count: number): Promise<void> {
  await vi.waitFor(() => expect(logged(path)).toBe(count), { timeout: 5_000 });
}

let workspaceNumber = 0;
const workspace = () => ({
  name: `Workspace ${++workspaceNumber}`,
  connectionType: 'MULTI_DATASOURCE' as const,
});

describe('retries of reads', () => {
  it('retries 5xx answers and succeeds once DataBrain recovers', async () => {
    emulator.faults.add({ path: LIST, status: 503, times: 2 });
    const error = await outcome(() => client().listDataApps());
    expect(error).toBeUndefined();
    await expectLogged(LIST, 3);
  });

  it('gives up after maxRetries and reports the last failure', async () => {
    emulator.faults.add({ path: LIST, status: 500, times: 5 });
    const error = await outcome(() => client({ maxRetries: 1 }).listDataApps());
    await expectLogged(LIST, 2);
    expect(error).toBeInstanceOf(DatabrainApiError);
    expect(error).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', status: 500 });
  });

  it('retries a dropped connection', async () => {
    emulator.faults.add({ path: LIST, drop: true, times: 1 });
    const error = await outcome(() => client().listDataApps());
    expect(error).toBeUndefined();
    await expectLogged(LIST, 2);
  });

  it('retries an attempt that timed out', async () => {
    emulator.faults.add({ path: LIST, latencyMs: 3_000, times: 1 });
    const error = await outcome(() => client({ timeoutMs: 300 }).listDataApps());
    expect(error).toBeUndefined();
  }, 15_000);

  it('reports TIMEOUT with status 0 when every attempt is too slow', async () => {
    emulator.faults.add({ path: LIST, latencyMs: 3_000, times: 2 });
    const error = await outcome(() => client({ timeoutMs: 200, maxRetries: 1 }).listDataApps());
    expect(error).toMatchObject({ code: 'TIMEOUT', status: 0, endpoint: 'GET /api/v2/data-app' });
  }, 15_000);

  it('does not retry when maxRetries is 0', async () => {
    emulator.faults.add({ path: LIST, status: 503, times: 1 });
    const error = await outcome(() => client({ maxRetries: 0 }).listDataApps());
    await expectLogged(LIST, 1);
    expect(error).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', status: 503 });
  });
});

describe('Retry-After', () => {
  it('waits the seconds DataBrain asks for before retrying a 429', async () => {
    emulator.faults.add({ path: LIST, status: 429, times: 1, retryAfter: 1 });
    const started = performance.now();
    const error = await outcome(() => client().listDataApps());
    expect(error).toBeUndefined();
    await expectLogged(LIST, 2);
    // A lower bound only: the retry must not come early; being slow is fine.
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
  }, 15_000);

  it('stops retrying when Retry-After is longer than maxRetryDelay and exposes it', async () => {
    emulator.faults.add({ path: LIST, status: 429, times: 1, retryAfter: 120 });
    const error = await outcome(() => client({ maxRetryDelay: 1_000 }).listDataApps());
    await expectLogged(LIST, 1);
    expect(error).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED', status: 429, retryAfter: 120 });
  });

  it('reads a 400-digit Retry-After as one hour, in the error and in the token handler header', async () => {
    const scripted = await startScriptedServer(() => ({
      status: 429,
      body: JSON.stringify({ error: { code: 'RATE_LIMIT_EXCEEDED', message: 'slow down' } }),
      headers: { 'retry-after': '9'.repeat(400) },
    }));
    try {
      const databrain = createDatabrainClient({
        apiKey: 'api-key-1234',
        baseUrl: scripted.url,
        maxRetries: 0,
      });
      const error = await outcome(() => databrain.createGuestToken({ dataAppName: 'app', clientId: 'acme' }));
      expect(error).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED', retryAfter: MAX_RETRY_AFTER_SECONDS });
      expect(JSON.stringify(error)).not.toMatch(/Infinity|null/);

      const handler = createGuestTokenHandler({
        client: databrain,
        dataAppName: 'app',
        authorize: () => ({ clientId: 'acme' }),
      });
      const response = await handler(new Request('http://app.test/token', { method: 'POST' }));
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe(String(MAX_RETRY_AFTER_SECONDS));
    } finally {
      await scripted.close();
    }
  });

  it('reads a Retry-After date far in the future as one hour and one in the past as no wait', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Fri, 01 Jan 2100 00:00:00 GMT', now)).toBe(MAX_RETRY_AFTER_SECONDS * 1000);
    expect(parseRetryAfter('Thu, 01 Jan 2015 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});

describe('retries of admin creates', () => {
  it('does not repeat a create after a 5xx, since DataBrain may have acted', async () => {
    emulator.faults.add({ path: WORKSPACE, status: 500, times: 1 });
    const error = await outcome(() => client().createWorkspace(workspace()));
    await expectLogged(WORKSPACE, 1);
    expect(error).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', status: 500 });
  });

  it('does not repeat a create after a dropped connection', async () => {
    emulator.faults.add({ path: WORKSPACE, drop: true, times: 1 });
    const error = await outcome(() => client().createWorkspace(workspace()));
    await expectLogged(WORKSPACE, 1);
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
  });

  it('does not repeat a create that timed out', async () => {
    emulator.faults.add({ path: WORKSPACE, latencyMs: 2_000, times: 1 });
    const error = await outcome(() => client({ timeoutMs: 200 }).createWorkspace(workspace()));
    expect(error).toMatchObject({ code: 'TIMEOUT' });
    // The slow request is logged once the emulator answers it, and never repeated.
    await expectLogged(WORKSPACE, 1);
  }, 15_000);

  it('repeats a create refused with 429, which DataBrain did not act on', async () => {
    emulator.faults.add({ path: WORKSPACE, status: 429, times: 1, retryAfter: 0 });
    const error = await outcome(() => client().createWorkspace(workspace()));
    expect(error).toBeUndefined();
    await expectLogged(WORKSPACE, 2);
  });

  it('repeats a create when the connection was refused before anything was sent', async () => {
    const closed = await startEmulator({ port: 0 });
    const url = closed.url;
    await closed.close();
    let attempts = 0;
    const countingFetch: typeof fetch = (input, init) => {
      attempts++;
      return fetch(input, init);
    };
    const error = await client({ baseUrl: url, fetch: countingFetch })
      .createWorkspace(workspace())
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
    expect((error as Error).message).toContain('ECONNREFUSED');
    expect(attempts).toBe(3);
  });
});

describe('aborting', () => {
  it('fails with ABORTED when the signal is already aborted, without a request', async () => {
    const error = await outcome(() => client().listDataApps({}, { signal: AbortSignal.abort() }));
    await expectLogged(WORKSPACE, 0);
    expect(error).toMatchObject({ code: 'ABORTED', status: 0 });
  });

  it('cancels a request in flight', async () => {
    emulator.faults.add({ path: LIST, latencyMs: 5_000, times: 1 });
    const controller = new AbortController();
    const pending = client().listDataApps({}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await expect(pending).rejects.toMatchObject({ code: 'ABORTED', status: 0 });
  }, 15_000);

  it('cancels a backoff wait between attempts', async () => {
    emulator.faults.add({ path: LIST, status: 429, times: 1, retryAfter: 5 });
    const controller = new AbortController();
    const started = performance.now();
    const error = await outcome(async () => {
      const pending = client().listDataApps({}, { signal: controller.signal });
      // Abort once the first answer has arrived, during the 5 s wait.
      await expectLogged(LIST, 1);
      controller.abort();
      return pending;
    });
    expect(error).toMatchObject({ code: 'ABORTED' });
    await expectLogged(LIST, 1);
    expect(performance.now() - started).toBeLessThan(4_500);
  }, 15_000);
});
