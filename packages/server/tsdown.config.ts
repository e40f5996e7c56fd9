import { defineConfig } from 'tsdown';
import { packagePreset } from '../../build/tsdown.preset.ts';

export default defineConfig(
  packagePreset({
    entry: ['src/index.ts', 'src/node.ts', 'src/redis.ts', 'src/browser.ts'],
    platform: 'node',
  }),
);
