import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './parseCliArgs.ts';
import { runCli } from './runCli.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const signals = new EventEmitter();
  return {
    out,
    err,
    signals,
    io: { log: (line: string) => out.push(line), error: (line: string) => err.push(line), signals },
  };
}

describe('parseCliArgs', () => {
  it('reads port, host and config', () => {
    expect(parseCliArgs(['--port', '4555', '--host', '0.0.0.0', '-c', 'e.json'])).toEqual({
      port: 4555,
      host: '0.0.0.0',
      config: 'e.json',
      help: false,
    });
  });

  it('rejects unknown flags and bad ports with a fix-it message', () => {
    expect(() => parseCliArgs(['--prot', '1'])).toThrow(/Usage/);
    expect(() => parseCliArgs(['--port', '70000'])).toThrow(/0 to 65535/);
  });
});

describe('runCli', () => {
  it('prints its URL and keys, serves, and closes cleanly on SIGTERM', async () => {
    const { out, signals, io } = capture();
    const result = await runCli(['--port', '0'], io);
    if (!result.emulator) throw new Error('expected a running emulator');
    expect(out[0]).toBe(`DataBrain emulator listening on ${result.emulator.url}`);
    expect(out.join('\n')).toContain('dbn-emulator-api-key');
    expect(out.join('\n')).toContain('dbn-emulator-service-token');
    expect((await fetch(`${result.emulator.url}/api/v2/nope`)).status).toBe(404);
    signals.emit('SIGTERM');
    expect(await result.stopped).toBe(0);
    await expect(fetch(`${result.emulator.url}/api/v2/nope`)).rejects.toThrow();
  });

  it('prints usage for --help and exits 0', async () => {
    const { out, io } = capture();
    expect(await runCli(['--help'], io)).toEqual({ exitCode: 0 });
    expect(out[0]).toMatch(/^Usage: databrain-emulator/);
  });

  it('exits 1 with the reason for a bad config', async () => {
    const { err, io } = capture();
    expect(await runCli(['--config', '/nowhere/e.json'], io)).toEqual({ exitCode: 1 });
    expect(err[0]).toMatch(/Cannot read emulator config/);
  });
});
