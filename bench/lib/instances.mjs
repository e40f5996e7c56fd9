// What the sections that load several app instances share (cache, data):
// starting an instance process (and, inside it, serving until told to stop),
// shuffling the calls, sending them with a bounded concurrency, and reading a
// percentile of the answers' times.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { Agent, request as httpRequest } from 'node:http';
import { createInterface } from 'node:readline';
import { listen } from './listen.mjs';

/**
 * Starts `script` (a Node file that prints `{ "url": … }` as its first line
 * and exits when its standard input ends) with `args`; `stop()` ends it.
 */
export async function startInstance(script, args) {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const [first] = await Promise.race([
    once(lines, 'line'),
    once(child, 'exit').then(([code]) => {
      throw new Error(`${script} exited with ${code}`);
    }),
  ]);
  return {
    url: JSON.parse(first).url,
    async stop() {
      child.stdin.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      if (child.exitCode === null) await once(child, 'exit');
      clearTimeout(timer);
    },
  };
}

/**
 * The other side of {@link startInstance}, run in the instance: listens, prints
 * `{ "url": … }`, and once standard input ends closes the server, runs
 * `close()` (the instance's own clients) and exits.
 */
export async function serveUntilStdinEnds(server, close) {
  process.stdout.write(`${JSON.stringify({ url: await listen(server) })}\n`);
  process.stdin.resume();
  process.stdin.on('end', async () => {
    server.closeAllConnections();
    server.close();
    await close();
    process.exit(0);
  });
}

/** Shuffles `items` in place (Fisher–Yates) with `random`, and returns them. */
export function shuffle(items, random) {
  for (let index = items.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [items[index], items[other]] = [items[other], items[index]];
  }
  return items;
}

/** The `p`-th percentile of `values` (nearest rank); `values` is left as it was. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Runs `tasks` (functions returning promises) with at most `limit` at once. */
export async function pool(tasks, limit) {
  const results = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]();
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

/**
 * POSTs `body` (or nothing) to `url` as `user` (the `x-user` header) and
 * resolves the status, the handler's own time (its `server-timing` `dur`) and
 * the answer's headers.
 */
function postAs(agent, url, user, body) {
  return new Promise((resolve, reject) => {
    const headers = { 'x-user': user, ...(body === undefined ? {} : { 'content-type': 'application/json' }) };
    const req = httpRequest(url, { agent, method: 'POST', headers }, (res) => {
      res.resume();
      res.on('end', () => {
        const timing = /dur=([\d.]+)/.exec(String(res.headers['server-timing'] ?? ''));
        resolve({
          status: res.statusCode,
          handlerMs: timing ? Number(timing[1]) : Number.NaN,
          headers: res.headers,
        });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Sends every call (`{ user, instance }`, an index into `instances`) to `path`
 * of its instance, at most `concurrency` at once over one keep-alive agent per
 * instance. Resolves the answers in call order and the seconds it took.
 */
export async function sendCalls(instances, calls, { path, body, concurrency }) {
  const agents = instances.map(() => new Agent({ keepAlive: true, maxSockets: concurrency }));
  try {
    const started = performance.now();
    const answers = await pool(
      calls.map(
        ({ user, instance }) =>
          () =>
            postAs(agents[instance], `${instances[instance].url}${path}`, user, body),
      ),
      concurrency,
    );
    return { answers, seconds: (performance.now() - started) / 1000 };
  } finally {
    for (const agent of agents) agent.destroy();
  }
}
