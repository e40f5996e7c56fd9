import { parseArgs } from 'node:util';
import { DatabrainError } from '@databrain-embed/core';

/**
 * The command line of `databrain-emulator`, parsed.
 *
 * @example
 * ```ts
 * import type { CliArgs } from '@databrain-embed/emulator';
 * const args: CliArgs = { port: 4555, help: false };
 * ```
 */
export interface CliArgs {
  readonly port?: number;
  readonly host?: string;
  readonly config?: string;
  readonly help: boolean;
}

/**
 * Usage text of `databrain-emulator`.
 *
 * @example
 * ```ts
 * import { CLI_USAGE } from '@databrain-embed/emulator';
 * console.log(CLI_USAGE);
 * ```
 */
export const CLI_USAGE: string = `Usage: databrain-emulator [--port 4555] [--host 127.0.0.1] [--config emulator.json]

Runs a local DataBrain stand-in on real HTTP.
  --port, -p    port to listen on (0 = any free port; default 4555)
  --host        interface to listen on (default 127.0.0.1)
  --config, -c  JSON config: host, port, includeDefaultSeed, seed
  --help, -h    show this text`;

/**
 * Parses `databrain-emulator` arguments (without `node` and the script).
 * Unknown flags and bad ports throw a `DatabrainError` saying what to fix.
 *
 * @example
 * ```ts
 * import { parseCliArgs } from '@databrain-embed/emulator';
 * parseCliArgs(['--port', '4555']); // { port: 4555, help: false }
 * ```
 */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  let values: { port?: string; host?: string; config?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string', short: 'p' },
        host: { type: 'string' },
        config: { type: 'string', short: 'c' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new DatabrainError('VALIDATION_ERROR', `${reason}\n\n${CLI_USAGE}`, { cause });
  }
  let port: number | undefined;
  if (values.port !== undefined) {
    port = /^\d+$/.test(values.port) ? Number(values.port) : Number.NaN;
    if (!(port >= 0 && port <= 65535)) {
      throw new DatabrainError('VALIDATION_ERROR', '--port must be a whole number from 0 to 65535.');
    }
  }
  if (values.host !== undefined && values.host.trim() === '') {
    throw new DatabrainError('VALIDATION_ERROR', '--host must not be empty.');
  }
  return {
    help: values.help ?? false,
    ...(port === undefined ? {} : { port }),
    ...(values.host === undefined ? {} : { host: values.host }),
    ...(values.config === undefined ? {} : { config: values.config }),
  };
}
