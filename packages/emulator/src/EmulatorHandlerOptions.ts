import type { EmulatorSeedInput } from './emulatorSeed.ts';

/**
 * Options of `createEmulatorHandler`: what the emulator holds and how it
 * keeps time, without anything about listening (see `StartEmulatorOptions`).
 *
 * @example
 * ```ts
 * import type { EmulatorHandlerOptions } from '@databrain-embed/emulator/handler';
 * const options: EmulatorHandlerOptions = { seed: { datasources: ['postgres-eu'] } };
 * ```
 */
export interface EmulatorHandlerOptions {
  /** Added to the default seed (see `DEFAULT_EMULATOR_SEED`). */
  readonly seed?: EmulatorSeedInput;
  /** `false` starts from an empty seed instead of the default one. */
  readonly includeDefaultSeed?: boolean;
  /** The base clock for token issue and expiry, in epoch ms; default `Date.now`. `clock` shifts it. */
  readonly now?: () => number;
  /** Largest accepted request body; default 1 MB. */
  readonly maxBodyBytes?: number;
}
