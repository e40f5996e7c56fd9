import { loadEmulatorConfig } from './loadEmulatorConfig.ts';
import { CLI_USAGE, parseCliArgs } from './parseCliArgs.ts';
import type { EmulatorConfig } from './parseEmulatorConfig.ts';
import { type RunningEmulator, startEmulator } from './startEmulator.ts';

/**
 * The port the CLI listens on when neither `--port` nor the config names one.
 *
 * @example
 * ```ts
 * import { DEFAULT_CLI_PORT } from '@databrain-embed/emulator';
 * const apiUrl = `http://127.0.0.1:${DEFAULT_CLI_PORT}`;
 * ```
 */
export const DEFAULT_CLI_PORT = 4555;

/**
 * Where the CLI writes and which signals stop it. Defaults: `console.log`,
 * `console.error` and `process`.
 *
 * @example
 * ```ts
 * import type { RunCliIo } from '@databrain-embed/emulator';
 * const lines: string[] = [];
 * const io: RunCliIo = { log: (line) => lines.push(line) };
 * ```
 */
export interface RunCliIo {
  readonly log?: (line: string) => void;
  readonly error?: (line: string) => void;
  /** Emits `SIGINT` / `SIGTERM`; the emulator closes on either. */
  readonly signals?: {
    once(signal: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
    off(signal: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
  };
}

/**
 * What {@link runCli} ended with: an exit code for a run that is over (help,
 * bad arguments or config), or the running emulator and a promise that
 * settles once a signal has closed it.
 *
 * @example
 * ```ts
 * const result = await runCli(['--port', '0']);
 * if (result.emulator) await result.emulator.close();
 * ```
 */
export type RunCliResult =
  | { readonly exitCode: number; readonly emulator?: undefined }
  | { readonly exitCode?: undefined; readonly emulator: RunningEmulator; readonly stopped: Promise<number> };

/**
 * The `databrain-emulator` command, callable in-process: parses `argv`,
 * loads the config, starts the emulator, prints its URL and the credentials
 * it accepts (emulator-only values), and closes it on SIGINT or SIGTERM.
 *
 * @example
 * ```ts
 * import { runCli } from '@databrain-embed/emulator';
 * const result = await runCli(['--port', '4555']);
 * process.exitCode = result.emulator ? await result.stopped : result.exitCode;
 * ```
 */
export async function runCli(argv: readonly string[], io: RunCliIo = {}): Promise<RunCliResult> {
  const log = io.log ?? ((line: string) => console.log(line));
  const error = io.error ?? ((line: string) => console.error(line));
  let emulator: RunningEmulator;
  try {
    const args = parseCliArgs(argv);
    if (args.help) {
      log(CLI_USAGE);
      return { exitCode: 0 };
    }
    const config: EmulatorConfig = args.config === undefined ? {} : await loadEmulatorConfig(args.config);
    emulator = await startEmulator({
      ...config,
      port: args.port ?? config.port ?? DEFAULT_CLI_PORT,
      host: args.host ?? config.host ?? '127.0.0.1',
    });
  } catch (cause) {
    error(cause instanceof Error ? cause.message : String(cause));
    return { exitCode: 1 };
  }

  log(`DataBrain emulator listening on ${emulator.url}`);
  for (const [dataAppName, key] of Object.entries(emulator.apiKeys)) {
    log(`  data app ${dataAppName}: API key ${key}`);
  }
  for (const token of emulator.serviceTokens) log(`  service token: ${token}`);
  log('Press Ctrl+C to stop.');

  const signals = io.signals ?? process;
  const stopped = new Promise<number>((resolve) => {
    const stop = (signal: string) => {
      signals.off('SIGINT', onInt);
      signals.off('SIGTERM', onTerm);
      log(`Received ${signal}, closing the emulator.`);
      emulator.close().then(
        () => resolve(0),
        () => resolve(1),
      );
    };
    const onInt = () => stop('SIGINT');
    const onTerm = () => stop('SIGTERM');
    signals.once('SIGINT', onInt);
    signals.once('SIGTERM', onTerm);
  });
  return { emulator, stopped };
}
