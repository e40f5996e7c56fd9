// Starts Debian's redis-server on a free 127.0.0.1 port for tests and the
// benchmark, with nothing persisted, and stops it. Shared by test/redis and
// bench/lib/cache.mjs, hence plain JavaScript (types in the .d.mts beside it).
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';

const binary = process.env.REDIS_SERVER_PATH ?? 'redis-server';

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function launch(port) {
  const child = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      if (output.includes('Ready to accept connections')) {
        child.stdout.off('data', onData);
        child.stdout.resume();
        child.stderr.resume();
        resolve(child);
      }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', onData);
    child.once('error', reject);
    child.once('exit', (code) =>
      reject(new Error(`redis-server exited with ${code}:\n${output.slice(-2000)}`)),
    );
  });
}

/**
 * Starts `redis-server --port N --bind 127.0.0.1 --save '' --appendonly no`
 * on a free port. Fails with how to install it when the binary is missing.
 */
export async function startRedisServer() {
  const probe = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  if (probe.error) {
    throw new Error(
      `redis-server was not found (${binary}). The Redis tests and the cache benchmark run Debian's Redis: ` +
        'install it with `apt-get install -y redis-server` (or set REDIS_SERVER_PATH).',
    );
  }
  let lastError;
  // Another program may take the free port between the probe and the start.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const port = await freePort();
    try {
      const child = await launch(port);
      return {
        port,
        url: `redis://127.0.0.1:${port}`,
        async stop() {
          if (child.exitCode !== null || child.signalCode !== null) return;
          const exited = once(child, 'exit');
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
          await exited;
          clearTimeout(timer);
        },
      };
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}
