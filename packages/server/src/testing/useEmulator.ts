import { type RunningEmulator, startEmulator } from '@databrain-embed/emulator';
import { afterAll, afterEach, beforeAll } from 'vitest';

/**
 * An emulator over real HTTP on 127.0.0.1 for the tests of one file: started
 * before the first test, closed after the last, its faults cleared after each
 * test. Returns a getter, since the emulator exists only once the hook ran.
 */
export function useEmulator(): () => RunningEmulator {
  let emulator: RunningEmulator | undefined;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });
  afterEach(() => {
    emulator?.faults.clear();
  });
  afterAll(async () => {
    await emulator?.close();
  });
  return () => {
    if (emulator === undefined) throw new Error('The emulator runs only while the tests of this file run.');
    return emulator;
  };
}
