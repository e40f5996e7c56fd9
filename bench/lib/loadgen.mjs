// A bounded HTTP load generator over node:http keep-alive connections.
// It stops at whichever comes first, `durationMs` or `maxRequests`, and only
// talks to 127.0.0.1.
import { Agent, request as httpRequest } from 'node:http';

function send(agent, url, method, headers, body) {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { agent, method, headers }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve(res.statusCode));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

function percentile(sorted, p) {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * Sends requests from `concurrency` workers for `warmupMs` (not counted),
 * then measures for `durationMs`. Returns requests per second and latency
 * percentiles in ms of the measured part.
 */
export async function load({
  url,
  method = 'POST',
  headers = {},
  body = '',
  concurrency = 16,
  warmupMs = 500,
  durationMs = 3000,
  maxRequests = 200_000,
}) {
  const target = new URL(url);
  if (target.hostname !== '127.0.0.1')
    throw new Error(`the load generator only targets 127.0.0.1, not ${url}`);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const allHeaders = { ...headers, 'content-length': String(Buffer.byteLength(body)) };
  const started = performance.now();
  const measureFrom = started + warmupMs;
  const stopAt = measureFrom + durationMs;
  const latencies = [];
  let sent = 0;
  let failed = 0;
  let measuredEnd = measureFrom;

  async function worker() {
    while (performance.now() < stopAt && sent < maxRequests) {
      sent += 1;
      const begin = performance.now();
      let status = 0;
      try {
        status = await send(agent, target, method, allHeaders, body);
      } catch {
        status = 0;
      }
      const end = performance.now();
      if (begin < measureFrom) continue;
      if (status !== 200) failed += 1;
      else latencies.push(end - begin);
      measuredEnd = Math.max(measuredEnd, end);
    }
  }

  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const seconds = (measuredEnd - measureFrom) / 1000;
  return {
    // Every request sent, the warm-up included (what a server's CPU time covers).
    sent,
    requests: latencies.length,
    failed,
    perSecond: seconds > 0 ? latencies.length / seconds : 0,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    concurrency,
    seconds,
  };
}
