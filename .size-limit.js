// Byte budgets of the react entry, with react, react-dom and swr left to the app.
// The entry is ESM and is bundled as ESM here, as an app's bundler does: the
// default script format would wrap every React import in CommonJS interop
// that is not this package's code.
const external = ['react', 'react-dom', 'swr', 'react/jsx-runtime'];
const asEsm = (config) => ({ ...config, format: 'esm' });

export default [
  {
    name: '@databrain-embed/react: DatabrainProvider + Dashboard',
    path: 'packages/react/dist/index.mjs',
    import: '{ DatabrainProvider, Dashboard }',
    ignore: external,
    modifyEsbuildConfig: asEsm,
    limit: '2.55 kB',
    gzip: true,
  },
  {
    name: '@databrain-embed/react: everything',
    path: 'packages/react/dist/index.mjs',
    import: '*',
    ignore: external,
    modifyEsbuildConfig: asEsm,
    limit: '2.7 kB',
    gzip: true,
  },
];
