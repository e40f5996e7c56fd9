// Byte budgets of the react entry, with react and react-dom left to the app
// and DataBrain's plugin out of the count: the default loader imports it
// lazily, as its own chunk, when the first embed mounts.
// The entry is ESM and is bundled as ESM here, as an app's bundler does: the
// default script format would wrap every React import in CommonJS interop
// that is not this package's code.
const external = [
  'react',
  'react-dom',
  'react/jsx-runtime',
  '@databrainhq/plugin',
  '@databrainhq/plugin/web',
];
const asEsm = (config) => ({ ...config, format: 'esm' });

export default [
  {
    // The token session with cross-tab sharing, the provider, one element component, the default
    // views and the error model measure 4.56 kB, over the 4 kB aim: the session with its tab
    // sharing, timers and backoff is about 1.8 kB, the default views 0.5 kB, the error class 0.2 kB.
    // Keeping DataBrain's global stylesheet off the host page (isolatePluginStyles, with the
    // release of the plugin's page globals after the last embed) adds 1.27 kB: 5.83 kB.
    // The session as a state machine with its tab coordinator in a module of its own, the guarded
    // notify for the app's callbacks, the loader that isolates on every path and the embeds'
    // own subscription add 0.56 kB (the leaner default views give back 0.1 kB): 6.39 kB.
    name: '@databrain-embed/react: DatabrainProvider + Dashboard',
    path: 'packages/react/dist/index.mjs',
    import: '{ DatabrainProvider, Dashboard }',
    ignore: external,
    modifyEsbuildConfig: asEsm,
    limit: '6.45 kB',
    gzip: true,
  },
  {
    name: '@databrain-embed/react: everything',
    path: 'packages/react/dist/index.mjs',
    import: '*',
    ignore: external,
    modifyEsbuildConfig: asEsm,
    limit: '6.7 kB',
    gzip: true,
  },
];
