import { readFile } from 'node:fs/promises';
import { DatabrainError } from '@databrain-embed/core';
import { type EmulatorConfig, parseEmulatorConfig } from './parseEmulatorConfig.ts';

/**
 * Reads and validates an emulator config file. A missing file or invalid
 * JSON throws a `DatabrainError` naming the file; invalid content throws a
 * `DatabrainValidationError` listing every problem.
 *
 * @example
 * ```ts
 * import { loadEmulatorConfig, startEmulator } from '@databrain-embed/emulator';
 * const config = await loadEmulatorConfig('./emulator.json');
 * const emulator = await startEmulator(config);
 * ```
 */
export async function loadEmulatorConfig(path: string): Promise<EmulatorConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new DatabrainError(
      'VALIDATION_ERROR',
      `Cannot read emulator config ${path}: check that the file exists.`,
      {
        cause,
      },
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new DatabrainError('VALIDATION_ERROR', `Emulator config ${path} is not valid JSON.`, { cause });
  }
  return parseEmulatorConfig(value, `emulator config ${path}`);
}
