import { afterEach, describe, expect, it } from 'vitest';
import { connectEmulator } from './connectEmulator.ts';
import { EMULATOR_URL_ENV, EMULATOR_URL_KEY, emulatorGlobalSetup } from './emulatorGlobalSetup.ts';

const before = process.env[EMULATOR_URL_ENV];
afterEach(() => {
  if (before === undefined) delete process.env[EMULATOR_URL_ENV];
  else process.env[EMULATOR_URL_ENV] = before;
});

describe('emulatorGlobalSetup', () => {
  it('starts the emulator, publishes its URL through env and provide, and stops it on teardown', async () => {
    const provided = new Map<string, unknown>();
    let started = '';
    const setup = emulatorGlobalSetup({
      onStart: (emulator) => {
        started = emulator.url;
      },
    });
    const teardown = await setup({ provide: (key, value) => provided.set(key, value) });
    const url = process.env[EMULATOR_URL_ENV];
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(provided.get(EMULATOR_URL_KEY)).toBe(url);
    expect(started).toBe(url);
    expect(await connectEmulator(url).clock.now()).toBeGreaterThan(0);

    await teardown();
    expect(process.env[EMULATOR_URL_ENV]).toBe(before);
    await expect(connectEmulator(url).clock.now()).rejects.toThrow('cannot reach the emulator');
  });

  it('closes the emulator and restores the environment when onStart fails', async () => {
    let url = '';
    const setup = emulatorGlobalSetup({
      onStart: (emulator) => {
        url = emulator.url;
        throw new Error('seeding failed');
      },
    });
    await expect(setup()).rejects.toThrow('seeding failed');
    await expect(connectEmulator(url).clock.now()).rejects.toThrow('cannot reach the emulator');
    expect(process.env[EMULATOR_URL_ENV]).toBe(before);
  });
});
