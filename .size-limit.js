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
    // own subscriptions add 0.53 kB (the leaner default views give back 0.1 kB): 6.36 kB. The
    // context carrying useMetricData's endpoint and scope: 6.42 kB. Apps that never import the data
    // entry never load SWR.
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
  {
    // The headless data hook on its own entry, SWR counted: SWR 2.5.1 with its two
    // dependencies (the use-sync-external-store shim, dequal) is about 6.2 kB, the hook, its
    // fetcher, the answer check and the error class about 1.4 kB: 7.69 kB.
    name: '@databrain-embed/react/data: useMetricData',
    path: 'packages/react/dist/data.mjs',
    import: '{ useMetricData }',
    ignore: external,
    modifyEsbuildConfig: asEsm,
    limit: '7.8 kB',
    gzip: true,
  },
  {
    name: '@databrain-embed/react: DatabrainProvider + Dashboard, with useMetricData',
    import: {
      'packages/react/dist/index.mjs': '{ DatabrainProvider, Dashboard }',
      'packages/react/dist/data.mjs': '{ useMetricData }',
    },
    ignore: external,
    modifyEsbuildConfig: asEsm,
    // The provider and the hook share the context module and the error class: 13.38 kB, not 14.1.
    limit: '13.6 kB',
    gzip: true,
  },
];
