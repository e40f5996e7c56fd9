import { defineConfig } from 'tsdown';
import { packagePreset } from '../../build/tsdown.preset.ts';

export default defineConfig(
  packagePreset({
    entry: { index: 'src/index.ts', data: 'src/data/index.ts', testing: 'src/testing/index.ts' },
    // The bundler's interop helpers get a chunk of their own: left to itself, the CommonJS build
    // puts them in the data entry (SWR's default import needs them), and the main entry would then
    // require the data entry, SWR with it.
    outputOptions: { codeSplitting: { groups: [{ name: 'runtime', test: /rolldown[\\/]runtime/ }] } },
  }),
);
