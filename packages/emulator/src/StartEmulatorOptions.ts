import type { EmulatorSeedInput } from './emulatorSeed.ts';

/**
 * Options of `startEmulator`.
 *
 * @example
 * ```ts
 * import type { StartEmulatorOptions } from '@databrain-embed/emulator';
 * const options: StartEmulatorOptions = { port: 0, seed: { datasources: ['postgres-eu'] } };
 * ```
 */
export interface StartEmulatorOptions {
  /** Port to listen on; `0` (the default) picks any free port. */
  readonly port?: number;
  /** Interface to listen on; default `127.0.0.1`. */
  readonly host?: string;
  /** Added to the default seed (see `DEFAULT_EMULATOR_SEED`). */
  readonly seed?: EmulatorSeedInput;
  /** `false` starts from an empty seed instead of the default one. */
  readonly includeDefaultSeed?: boolean;
  /** The base clock for token issue and expiry, in epoch ms; default `Date.now`. `clock` shifts it. */
  readonly now?: () => number;
  /** Largest accepted request body; default 1 MB. */
  readonly maxBodyBytes?: number;
}
