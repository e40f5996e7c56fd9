import { defineConfig } from 'tsdown';
import { packagePreset } from '../../build/tsdown.preset.ts';

// `errors` and `token-endpoint` are their own entries so browser code can import the
// error model and the token endpoint's wire contract without zod; `internal` gives the
// server and emulator core's schema helpers.
export default defineConfig(
  packagePreset({ entry: ['src/index.ts', 'src/errors.ts', 'src/tokenEndpoint.ts', 'src/internal.ts'] }),
);
