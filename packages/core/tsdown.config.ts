import { defineConfig } from 'tsdown';
import { packagePreset } from '../../build/tsdown.preset.ts';

// `errors` is its own entry so browser code can import the error model without zod;
// `internal` gives the server and emulator core's schema helpers.
export default defineConfig(packagePreset({ entry: ['src/index.ts', 'src/errors.ts', 'src/internal.ts'] }));
