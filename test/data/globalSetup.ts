import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DATABRAIN_ENDPOINTS } from '@databrain-embed/core';
import { EMULATOR_API_KEY, startEmulator } from '@databrain-embed/emulator';
import {
  createDatabrainClient,
  createMetricDataHandler,
  type MetricDataGrant,
} from '@databrain-embed/server';
import { toNodeHandler } from '@databrain-embed/server/node';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The metric-data endpoint: the real handler, `?user=<name>` picks a grant below. */
    metricDataUrl: string;
  }
}

/** The signed-in users of the hook's tests, decided on the server as in a real app. */
const GRANTS: Readonly<Record<string, MetricDataGrant>> = {
  'acme-viewer': { clientId: 'acme', userId: 'acme-viewer' },
  'globex-na': { clientId: 'globex', userId: 'globex-na', metricFilter: { region: 'NA' } },
};

/**
 * Starts the emulator and, on 127.0.0.1, the real `createMetricDataHandler`
 * behind `toNodeHandler` for the react projects' `useMetricData` tests:
 * - `POST /data?user=…&test=…`: the handler; `region` and `product` are the
 *   filters the browser may choose;
 * - `POST /down`: always 503, an endpoint that is down;
 * - `GET /stats?test=…`: `{ requests, upstream }`, the requests that test made
 *   to `/data` and the metric queries the emulator answered in all.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const emulator = await startEmulator({ host: '127.0.0.1', port: 0 });
  const handler = toNodeHandler(
    createMetricDataHandler({
      client: createDatabrainClient({ apiKey: EMULATOR_API_KEY, baseUrl: emulator.url, retryDelay: 1 }),
      embedId: 'sales-overview',
      filters: { region: 'metricFilter', product: 'metricFilter' },
      // Each render asks again: the hook's own deduplication is what the tests count.
      reuse: false,
      budget: false,
      authorize: (request) => GRANTS[new URL(request.url).searchParams.get('user') ?? ''] ?? null,
    }),
  );
  const requests = new Map<string, number>();
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const test = url.searchParams.get('test') ?? '';
    if (url.pathname === '/stats') {
      const upstream = emulator.requests.filter(
        (entry) => entry.path === DATABRAIN_ENDPOINTS.metricQuery,
      ).length;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ requests: requests.get(test) ?? 0, upstream }));
      return;
    }
    if (url.pathname === '/down') {
      requests.set(test, (requests.get(test) ?? 0) + 1);
      response.writeHead(503, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { code: 'UPSTREAM_ERROR', message: 'Down for this test.' } }));
      return;
    }
    if (url.pathname === '/data') requests.set(test, (requests.get(test) ?? 0) + 1);
    handler(request, response);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  project.provide('metricDataUrl', `http://127.0.0.1:${port}`);

  return async () => {
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
    await emulator.close();
  };
}
