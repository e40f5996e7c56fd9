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
    // CommonJS is shipped on purpose (see docs/ARCHITECTURE.md): apps on older
    // bundlers and `require()` users get a build, so tsdown's advice to publish
    // ESM only does not apply. Every other check stays on.
    checks: { legacyCjs: false },
    ...overrides,
  };
}
