import { defineConfig } from 'tsdown';
import { packagePreset } from '../../build/tsdown.preset.ts';

export default defineConfig(
  packagePreset({
    entry: ['src/index.ts', 'src/elements.ts', 'src/handler.ts', 'src/testing.ts', 'src/cli.ts'],
    platform: 'node',
  }),
);
