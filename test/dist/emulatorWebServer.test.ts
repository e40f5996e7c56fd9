import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, root } from './builtPackages.ts';

beforeAll(() => {
  assertBuilt();
});

let cli: ChildProcess | undefined;
afterEach(() => {
  cli?.kill('SIGKILL');
  cli = undefined;
});

/** A port that was free a moment ago, as a Playwright config names one. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** What Playwright's `webServer.url` does: poll until the URL answers 2xx. */
async function waitUntilReady(url: string): Promise<Response> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const response = await fetch(url).catch(() => undefined);
    if (response?.ok) return response;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} never answered`);
}

describe('the built emulator CLI as a Playwright webServer', () => {
  it('serves the health route on the given port, is driven through the testing entry, and stops on SIGTERM', async () => {
    const port = await freePort();
    cli = spawn(process.execPath, [join(root, 'packages/emulator/dist/cli.mjs'), '--port', String(port)], {
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => cli?.once('exit', (code) => resolve(code)));
    const url = `http://127.0.0.1:${port}`;
    expect(await (await waitUntilReady(`${url}/__emulator/health`)).json()).toMatchObject({ status: 'ok' });

    const { connectEmulator } = await import('@databrain-embed/emulator/testing');
    const emulator = connectEmulator(url);
    const before = await emulator.clock.now();
    expect((await emulator.clock.advance(60_000)) - before).toBeGreaterThanOrEqual(60_000);

    cli.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
