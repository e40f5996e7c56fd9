// Guest tokens per second and latency through createGuestTokenHandler behind
// node:http, against the emulator called directly (the floor) and against
// the same endpoint written by hand with plain fetch (the handler's own
// overhead). Each server runs in its own process; the load generator runs
// here, and the three are measured one after the other in the same run.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { wireBody } from './grant.mjs';
import { load } from './loadgen.mjs';
import { median } from './median.mjs';

const SERVE = fileURLToPath(new URL('./serve.mjs', import.meta.url));
export const DURATION_MS = 3000;
export const CONCURRENCY = 16;
export const ROUNDS = 3;
// An unmeasured load per endpoint before the rounds, long enough for the JIT
// to settle: after a 0.5 s warm-up the first round still cost each endpoint
// about twice the CPU per token of the last.
export const WARMUP_MS = 2000;

function summarize(rounds) {
  return {
    perSecond: median(rounds.map((round) => round.perSecond)),
    p50: median(rounds.map((round) => round.p50)),
    p99: median(rounds.map((round) => round.p99)),
    requests: rounds.reduce((sum, round) => sum + round.requests, 0),
    failed: rounds.reduce((sum, round) => sum + round.failed, 0),
    perSecondByRound: rounds.map((round) => round.perSecond),
  };
}

async function startServer(args) {
  const child = spawn(process.execPath, [SERVE, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const [first] = await Promise.race([
    once(lines, 'line'),
    once(child, 'exit').then(([code]) => {
      throw new Error(`serve.mjs ${args[0]} exited with ${code}`);
    }),
  ]);
  const { url } = JSON.parse(first);
  return {
    url,
    /** CPU time the server process has used so far, in µs. */
    async cpuMicros() {
      const answer = once(lines, 'line');
      child.stdin.write('cpu\n');
      const [line] = await answer;
      return JSON.parse(line).cpuMicros;
    },
    async stop() {
      child.stdin.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      if (child.exitCode === null) await once(child, 'exit');
      clearTimeout(timer);
    },
  };
}

export async function run() {
  const { EMULATOR_API_KEY, EMULATOR_DATA_APP } = await import('@databrain-embed/emulator');
  const emulator = await startServer(['emulator']);
  const handler = await startServer(['handler', emulator.url]);
  const plain = await startServer(['plain', emulator.url]);
  try {
    const direct = {
      url: `${emulator.url}/api/v2/guest-token/create`,
      headers: { authorization: `Bearer ${EMULATOR_API_KEY}`, 'content-type': 'application/json' },
      // The wire body the handler sends for the same grant.
      body: wireBody(EMULATOR_DATA_APP),
    };
    const throughHandler = {
      url: `${handler.url}/api/databrain/token`,
      headers: { cookie: 'session=bench', 'content-type': 'application/json' },
      body: '{}',
    };
    const throughPlain = { ...throughHandler, url: `${plain.url}/api/databrain/token` };
    // Interleaved rounds, so a change in the machine's load hits all three alike;
    // each figure is the median of its rounds.
    const results = { direct: [], plain: [], handler: [] };
    const targets = { direct, plain: throughPlain, handler: throughHandler };
    // The CPU time each token endpoint's process spends per token: unlike the
    // rates, it barely moves when other programs share the machine.
    const processes = { plain, handler };
    const cpuPerToken = { plain: [], handler: [] };
    // Unmeasured: every endpoint's code gets compiled before any round counts.
    for (const target of Object.values(targets)) {
      await load({ ...target, concurrency: CONCURRENCY, durationMs: WARMUP_MS, warmupMs: 0 });
    }
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [name, target] of Object.entries(targets)) {
        const before = await processes[name]?.cpuMicros();
        const result = await load({
          ...target,
          concurrency: CONCURRENCY,
          durationMs: DURATION_MS / ROUNDS,
          warmupMs: 100,
        });
        results[name].push(result);
        if (before !== undefined) {
          const used = (await processes[name].cpuMicros()) - before;
          cpuPerToken[name].push(used / 1000 / (result.sent ?? result.requests + result.failed));
        }
      }
    }
    const directResult = summarize(results.direct);
    const plainResult = summarize(results.plain);
    const handlerResult = summarize(results.handler);
    return {
      concurrency: CONCURRENCY,
      durationMs: DURATION_MS,
      rounds: ROUNDS,
      direct: directResult,
      plain: plainResult,
      handler: handlerResult,
      // > 1 means the handler is slower (per token) than what it is compared with.
      overVsPlain: plainResult.perSecond / handlerResult.perSecond,
      cpuMsPerToken: { plain: median(cpuPerToken.plain), handler: median(cpuPerToken.handler) },
      cpuMsPerTokenByRound: cpuPerToken,
      cpuOverVsPlain: median(cpuPerToken.handler) / median(cpuPerToken.plain),
      overVsDirect: directResult.perSecond / handlerResult.perSecond,
    };
  } finally {
    await plain.stop();
    await handler.stop();
    await emulator.stop();
  }
}
