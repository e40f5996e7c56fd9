import { defineConfig } from 'tsdown';
import { packagePreset } from '../../build/tsdown.preset.ts';

// `errors`, `token-endpoint` and `guards` are their own entries so browser code can import
// the error model, the token endpoint's wire contract and the shared runtime checks without
// zod; `internal` gives the server and emulator core's schema helpers.
export default defineConfig(
  packagePreset({
    entry: ['src/index.ts', 'src/errors.ts', 'src/tokenEndpoint.ts', 'src/guards.ts', 'src/internal.ts'],
  }),
);
