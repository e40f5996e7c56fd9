import type { EmulatorHandlerOptions } from './EmulatorHandlerOptions.ts';

/**
 * Options of `startEmulator`: where to listen, plus everything
 * `createEmulatorHandler` takes (`seed`, `includeDefaultSeed`, `now`,
 * `maxBodyBytes`).
 *
 * @example
 * ```ts
 * import type { StartEmulatorOptions } from '@databrain-embed/emulator';
 * const options: StartEmulatorOptions = { port: 0, seed: { datasources: ['postgres-eu'] } };
 * ```
 */
export interface StartEmulatorOptions extends EmulatorHandlerOptions {
  /** Port to listen on; `0` (the default) picks any free port. */
  readonly port?: number;
  /** Interface to listen on; default `127.0.0.1`. */
  readonly host?: string;
}
