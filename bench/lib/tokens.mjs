// Token requests in real time: N mounted <Dashboard>s under one provider,
// over K token lifetimes, against the real token handler (node:http) and the
// emulator. Counts the requests made, the time any element held no valid
// token, and elements re-created by a refresh.
import { createServer } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { freshRoot, installDom } from './dom.mjs';
import { listen } from './listen.mjs';
import { defineRecordingElements, record, resetRecord } from './recordingElements.mjs';

export const LIFETIME_MS = 1500;
export const LIFETIMES = 3;
export const COUNTS = [1, 10, 100];
// The provider's default margin: the smaller of 60 s and a fifth of the lifetime.
const REFRESH_MARGIN_MS = Math.min(60_000, LIFETIME_MS / 5);

/**
 * Milliseconds of [from, to) during which an element's current token was not
 * a valid token (unknown to the emulator or past its expiry).
 */
function invalidMs(tokenLog, from, to, expiryOf) {
  let total = 0;
  for (let index = 0; index < tokenLog.length; index += 1) {
    const start = Math.max(tokenLog[index].at, from);
    const end = Math.min(tokenLog[index + 1]?.at ?? to, to);
    if (end <= start) continue;
    const expiresAt = expiryOf(tokenLog[index].token);
    if (expiresAt === undefined) total += end - start;
    else if (expiresAt !== null && expiresAt < end) total += end - Math.max(start, expiresAt);
  }
  return total;
}

export async function run() {
  const { EMULATOR_API_KEY, EMULATOR_DATA_APP, startEmulator } = await import('@databrain-embed/emulator');
  const { createDatabrainClient, createGuestTokenHandler } = await import('@databrain-embed/server');
  const { toNodeHandler } = await import('@databrain-embed/server/node');

  const emulator = await startEmulator({ port: 0, host: '127.0.0.1' });
  const client = createDatabrainClient({ apiKey: EMULATOR_API_KEY, baseUrl: emulator.url });
  const handler = createGuestTokenHandler({
    client,
    dataAppName: EMULATOR_DATA_APP,
    authorize: () => ({ clientId: 'acme' }),
    expiresIn: LIFETIME_MS,
  });
  let handled = 0;
  const server = createServer(
    toNodeHandler((request) => {
      handled += 1;
      return handler(request);
    }),
  );
  const tokenEndpoint = `${await listen(server)}/api/databrain/token`;

  installDom();
  const React = await import('react');
  const { createRoot } = await import('react-dom/client');
  const { DatabrainProvider, Dashboard } = await import('@databrain-embed/react');
  await defineRecordingElements();

  const expiryOf = (token) => emulator.getTokenClaims(token)?.expiresAt;
  const results = [];
  try {
    for (const count of COUNTS) {
      resetRecord();
      handled = 0;
      const mountedAt = Date.now();
      const root = createRoot(freshRoot());
      const children = Array.from({ length: count }, (_, index) =>
        React.createElement(Dashboard, { key: index, dashboardId: 'sales-overview' }),
      );
      root.render(
        React.createElement(
          DatabrainProvider,
          { tokenEndpoint, loadElements: defineRecordingElements },
          ...children,
        ),
      );
      // Wait for every element to hold its first token (bounded).
      const deadline = Date.now() + 10_000;
      while (
        Date.now() < deadline &&
        (record.live.size < count || [...record.live].some((element) => element.tokenLog.length === 0))
      ) {
        await sleep(5);
      }
      const firstTokenAt = Math.max(
        ...[...record.live].map((element) => element.tokenLog[0]?.at ?? Date.now()),
      );
      const windowEnd = mountedAt + LIFETIMES * LIFETIME_MS;
      await sleep(Math.max(0, windowEnd - Date.now()));
      const requests = handled;
      const elements = [...record.live];
      const gaps = elements.map((element) => invalidMs(element.tokenLog, firstTokenAt, windowEnd, expiryOf));
      const swaps = elements.map((element) => element.tokenLog.length - 1);
      results.push({
        components: count,
        requests,
        idealRequests: Math.ceil((LIFETIMES * LIFETIME_MS) / (LIFETIME_MS - REFRESH_MARGIN_MS)),
        firstTokenMs: firstTokenAt - mountedAt,
        worstInvalidMs: Math.max(0, ...gaps),
        totalInvalidMs: gaps.reduce((sum, gap) => sum + gap, 0),
        elements: elements.length,
        recreated: record.created - count,
        removed: record.disconnected,
        tokenSwapsPerElement: Math.min(...swaps),
      });
      root.unmount();
      await sleep(50);
    }
  } finally {
    await new Promise((resolve) => server.close(resolve));
    server.closeAllConnections?.();
    await emulator.close();
  }
  return { lifetimeMs: LIFETIME_MS, lifetimes: LIFETIMES, refreshMarginMs: REFRESH_MARGIN_MS, runs: results };
}
