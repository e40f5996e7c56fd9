import { defineConfig } from 'tsdown';
import { packagePreset } from '../../build/tsdown.preset.ts';

export default defineConfig(packagePreset());
