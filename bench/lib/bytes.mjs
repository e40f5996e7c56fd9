// What an app's initial bundle grows by: `{ DatabrainProvider, Dashboard }`
// from the built react package (DataBrain's elements behind a dynamic import)
// against the documented direct use of `@databrainhq/plugin/web` (a static
// side-effect import). Bundled with esbuild, minified, react and react-dom
// external; gzip and brotli at their highest levels.
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { root } from '../../scripts/workspace.mjs';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** esbuild as size-limit's preset resolves it (it is not a direct dependency of the root). */
function loadEsbuild() {
  const fromRoot = createRequire(join(root, 'package.json'));
  const preset = createRequire(fromRoot.resolve('@size-limit/preset-small-lib/package.json'));
  return createRequire(preset.resolve('@size-limit/esbuild/package.json'))('esbuild');
}

const REACT_EXTERNALS = ['react', 'react-dom', 'react/*', 'react-dom/*'];

const OURS = `
import { createElement } from 'react';
import { DatabrainProvider, Dashboard } from '@databrain-embed/react';
const loadElements = () => import('@databrainhq/plugin/web');
export const app = createElement(
  DatabrainProvider,
  { tokenEndpoint: '/api/databrain/token', loadElements },
  createElement(Dashboard, { dashboardId: 'sales-overview' }),
);
`;

const DIRECT = `
import { createElement } from 'react';
import '@databrainhq/plugin/web';
export const app = createElement('dbn-dashboard', { token: 'guest-token', 'dashboard-id': 'sales-overview' });
`;

async function bundle(esbuild, contents, external, outdir) {
  const result = await esbuild.build({
    stdin: { contents, resolveDir: root, loader: 'js', sourcefile: 'app.js' },
    // Metafile paths are relative to this folder; `files` below joins them onto it.
    absWorkingDir: root,
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    platform: 'browser',
    // The published entries, never the source condition.
    conditions: ['import', 'module', 'browser', 'production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    external,
    outdir,
    write: false,
    metafile: true,
    logLevel: 'error',
  });
  const files = new Map(result.outputFiles.map((file) => [file.path, file.contents]));
  const entryPath = Object.keys(result.metafile.outputs).find(
    (path) => result.metafile.outputs[path].entryPoint !== undefined,
  );
  // The initial load: the entry and every chunk it imports statically.
  const initial = new Set();
  const visit = (path) => {
    if (initial.has(path)) return;
    initial.add(path);
    for (const edge of result.metafile.outputs[path].imports) {
      if (edge.kind === 'import-statement' && !edge.external) visit(edge.path);
    }
  };
  visit(entryPath);
  const bytesOf = (paths) =>
    Buffer.concat([...paths].map((path) => Buffer.from(files.get(join(root, path)))));
  const lazy = Object.keys(result.metafile.outputs).filter((path) => !initial.has(path));
  return { initial: bytesOf(initial), lazy: bytesOf(lazy) };
}

async function sizes(buffer) {
  const [gz, br] = await Promise.all([
    gzip(buffer, { level: 9 }),
    brotli(buffer, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
      },
    }),
  ]);
  return { min: buffer.length, gzip: gz.length, brotli: br.length };
}

export async function run() {
  const esbuild = loadEsbuild();
  const outdir = await mkdtemp(join(tmpdir(), 'databrain-embed-bench-'));
  try {
    // The react package has no runtime dependency besides core's error entry: react and react-dom
    // are the app's own.
    const ours = await bundle(esbuild, OURS, REACT_EXTERNALS, outdir);
    const direct = await bundle(esbuild, DIRECT, REACT_EXTERNALS, outdir);
    const initialText = ours.initial.toString('utf8');
    const [initial, lazyChunk, directInitial] = await Promise.all([
      sizes(ours.initial),
      sizes(ours.lazy),
      sizes(direct.initial),
    ]);
    return {
      initial,
      lazyChunk,
      directInitial,
      directLazyBytes: direct.lazy.length,
      initialHasZod: /\bzod\b|ZodError/.test(initialText),
      esbuildVersion: esbuild.version,
    };
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
}
