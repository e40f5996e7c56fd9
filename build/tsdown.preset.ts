import type { UserConfig } from 'tsdown';

/**
 * The one build preset every package uses: ESM + CJS with matching
 * declarations (`.mjs`/`.d.mts` and `.cjs`/`.d.cts`), dependencies external.
 */
export function packagePreset(overrides: UserConfig = {}): UserConfig {
  return {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    platform: 'neutral',
    fixedExtension: true,
    clean: true,
    sourcemap: false,
    ...overrides,
  };
}
