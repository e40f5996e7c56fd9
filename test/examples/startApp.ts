import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A started app server: its URL, everything it printed, and `stop`. */
export interface RunningApp {
  url: string;
  output: () => { stdout: string; stderr: string };
  stop: () => Promise<void>;
}

/** A port that was free a moment ago, for servers that cannot be told `0`. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * Starts `command` in its own process group and waits until its output
 * shows `ready` (whose first group, when present, is the URL).
 */
export async function startApp(
  cwd: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
): Promise<RunningApp> {
  const child: ChildProcess = spawn(command, args, { cwd, env, detached: true, stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    await exited;
  };
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in 60 s:\n${stdout}\n${stderr}`)), 60_000);
    const check = (): void => {
      const match = ready.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] ?? '');
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', () => reject(new Error(`exited before it was ready:\n${stdout}\n${stderr}`)));
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { url, output: () => ({ stdout, stderr }), stop };
}
