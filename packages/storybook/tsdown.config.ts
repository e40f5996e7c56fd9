import { defineConfig } from 'tsdown';
import { packagePreset } from '../../build/tsdown.preset.ts';

export default defineConfig(
  packagePreset({
    entry: ['src/index.ts', 'src/preset.ts', 'src/preview.ts', 'src/manager.ts'],
    platform: 'node',
    // Served by the addon's own Vite plugin inside the team's Storybook.
    deps: { neverBundle: ['virtual:databrain-storybook'] },
  }),
);
