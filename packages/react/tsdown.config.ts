import { defineConfig } from 'tsdown';
import { packagePreset } from '../../build/tsdown.preset.ts';

export default defineConfig(
  packagePreset({ entry: { index: 'src/index.ts', testing: 'src/testing/index.ts' } }),
);
