import type { StartEmulatorOptions } from './StartEmulatorOptions.ts';
import { type RunningEmulator, startEmulator } from './startEmulator.ts';

/**
 * The environment variable {@link emulatorGlobalSetup} sets to the emulator's
 * URL, so test files (and processes they start) find it.
 *
 * @example
 * ```ts
 * import { EMULATOR_URL_ENV } from '@databrain-embed/emulator/testing';
 * const url = process.env[EMULATOR_URL_ENV]; // 'http://127.0.0.1:41231'
 * ```
 */
export const EMULATOR_URL_ENV = 'DATABRAIN_EMULATOR_URL';

/**
 * The key under which {@link emulatorGlobalSetup} `provide`s the URL to
 * Vitest test files: `inject('databrainEmulatorUrl')`.
 *
 * @example
 * ```ts
 * import { inject } from 'vitest';
 * const url = inject('databrainEmulatorUrl');
 * ```
 */
export const EMULATOR_URL_KEY = 'databrainEmulatorUrl';

/**
 * What Vitest passes a global setup function; only `provide` is used, so any
 * runner that calls the function with nothing works too.
 *
 * @example
 * ```ts
 * import type { GlobalSetupContext } from '@databrain-embed/emulator/testing';
 * const context: GlobalSetupContext = { provide: (key, value) => console.log(key, value) };
 * ```
 */
export interface GlobalSetupContext {
  provide?(key: string, value: unknown): void;
}

/**
 * Options of {@link emulatorGlobalSetup}: those of `startEmulator`, plus a
 * callback that gets the running emulator (to seed tokens, log its URL…).
 *
 * @example
 * ```ts
 * import type { EmulatorGlobalSetupOptions } from '@databrain-embed/emulator/testing';
 * const options: EmulatorGlobalSetupOptions = { port: 4555, seed: { datasources: ['postgres-eu'] } };
 * ```
 */
export interface EmulatorGlobalSetupOptions extends StartEmulatorOptions {
  readonly onStart?: (emulator: RunningEmulator) => void | Promise<void>;
}

/**
 * A Vitest `globalSetup` in one line: starts the emulator before any test
 * file (on a free port of 127.0.0.1 unless `port` says otherwise), sets
 * `process.env.DATABRAIN_EMULATOR_URL`, provides `databrainEmulatorUrl`, and
 * closes it after the run. Test files drive it with `connectEmulator`.
 *
 * @example
 * ```ts
 * // test/emulator.setup.ts, named in vitest.config.ts: test.globalSetup
 * import { emulatorGlobalSetup } from '@databrain-embed/emulator/testing';
 * export default emulatorGlobalSetup();
 * ```
 */
export function emulatorGlobalSetup(
  options: EmulatorGlobalSetupOptions = {},
): (context?: GlobalSetupContext) => Promise<() => Promise<void>> {
  const { onStart, ...startOptions } = options;
  return async (context) => {
    const emulator = await startEmulator({ port: 0, ...startOptions });
    const previous = process.env[EMULATOR_URL_ENV];
    const teardown = async () => {
      if (previous === undefined) delete process.env[EMULATOR_URL_ENV];
      else process.env[EMULATOR_URL_ENV] = previous;
      await emulator.close();
    };
    process.env[EMULATOR_URL_ENV] = emulator.url;
    context?.provide?.(EMULATOR_URL_KEY, emulator.url);
    try {
      await onStart?.(emulator);
    } catch (error) {
      await teardown();
      throw error;
    }
    return teardown;
  };
}
