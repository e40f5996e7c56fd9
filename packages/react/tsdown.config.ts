import { defineConfig } from 'tsdown';
import { packagePreset } from '../../build/tsdown.preset.ts';

export default defineConfig(
  packagePreset({
    entry: { index: 'src/index.ts', data: 'src/data/index.ts', testing: 'src/testing/index.ts' },
  }),
);
