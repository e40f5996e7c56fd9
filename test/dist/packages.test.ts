import { execFileSync, spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, ENTRIES, root } from './builtPackages.ts';

// Node's own require, with Node's own `require` condition: never the source files.
const require = createRequire(join(root, 'package.json'));

interface ProbeReport {
  [specifier: string]: { url: string; exports: string[] };
}

const publicKeys = (module: object): string[] =>
  Object.keys(module)
    .filter((key) => key !== '__esModule' && key !== 'default')
    .sort();

let esm: ProbeReport;

beforeAll(() => {
  assertBuilt();
  // Plain Node ESM, outside the test runner's module graph.
  const output = execFileSync(
    process.execPath,
    [join(root, 'test', 'dist', 'esmProbe.mjs'), ...ENTRIES.map(({ specifier }) => specifier)],
    { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } },
  );
  esm = JSON.parse(output) as ProbeReport;
}, 60_000);

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    });
  });
}

describe.each(ENTRIES)('$specifier', ({ specifier, esm: esmFile, cjs: cjsFile }) => {
  it('resolves to the built ESM file for import', () => {
    expect(esm[specifier]?.url).toBe(pathToFileURL(join(root, esmFile)).href);
  });

  it('resolves to the built CommonJS file for require', () => {
    expect(require.resolve(specifier)).toBe(join(root, cjsFile));
  });

  it('exports the same names from ESM and CommonJS, and at least one', () => {
    const cjsKeys = publicKeys(require(specifier) as object);
    expect(cjsKeys.length).toBeGreaterThan(0);
    expect(esm[specifier]?.exports.filter((key) => key !== 'default')).toEqual(cjsKeys);
  });
});

describe('the built core', () => {
  it('builds a guest-token request from CommonJS', () => {
    const core = require('@databrain-embed/core') as typeof import('@databrain-embed/core');
    const body = core.buildGuestTokenRequest({ clientId: 'acme', dataAppName: 'demo-app', expiresIn: '1h' });
    expect(body).toEqual({ clientId: 'acme', dataAppName: 'demo-app', expiryTime: 3_600_000 });
  });

  it('throws its own validation error from CommonJS, with the field path', () => {
    const core = require('@databrain-embed/core') as typeof import('@databrain-embed/core');
    let caught: unknown;
    try {
      core.buildGuestTokenRequest({ clientId: '', dataAppName: 'demo-app' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(core.DatabrainValidationError);
    expect(core.isDatabrainError(caught)).toBe(true);
    expect(
      (caught as InstanceType<typeof core.DatabrainValidationError>).issues.map((issue) => issue.path),
    ).toContain('clientId');
  });

  it('builds the same request from ESM', async () => {
    const core = await import('@databrain-embed/core');
    expect(
      core.buildGuestTokenRequest({ clientId: 'acme', dataAppName: 'demo-app', expiresIn: 60_000 }),
    ).toEqual({
      clientId: 'acme',
      dataAppName: 'demo-app',
      expiryTime: 60_000,
    });
  });
});

describe('the built emulator and server', () => {
  it('mint a token from CommonJS: the emulator started with require, the client required too', async () => {
    const emulatorPackage =
      require('@databrain-embed/emulator') as typeof import('@databrain-embed/emulator');
    const server = require('@databrain-embed/server') as typeof import('@databrain-embed/server');
    const emulator = await emulatorPackage.startEmulator({ port: 0 });
    closers.push(() => emulator.close());
    expect(new URL(emulator.url).hostname).toBe('127.0.0.1');

    const client = server.createDatabrainClient({
      apiKey: emulatorPackage.EMULATOR_API_KEY,
      baseUrl: emulator.url,
    });
    const minted = await client.createGuestToken({
      clientId: 'acme',
      dataAppName: emulatorPackage.EMULATOR_DATA_APP,
      expiresIn: '10m',
    });
    expect(minted.token).toEqual(expect.any(String));
    expect(minted.expiresIn).toBe(600_000);
    expect(emulator.getTokenClaims(minted.token)).toMatchObject({
      clientId: 'acme',
      dataAppName: 'demo-app',
    });
  });

  it('serve a token endpoint over node:http from CommonJS (handler and node adapter)', async () => {
    const emulatorPackage =
      require('@databrain-embed/emulator') as typeof import('@databrain-embed/emulator');
    const server = require('@databrain-embed/server') as typeof import('@databrain-embed/server');
    const node = require('@databrain-embed/server/node') as typeof import('@databrain-embed/server/node');
    const emulator = await emulatorPackage.startEmulator({ port: 0 });
    closers.push(() => emulator.close());
    const handler = server.createGuestTokenHandler({
      client: server.createDatabrainClient({
        apiKey: emulatorPackage.EMULATOR_API_KEY,
        baseUrl: emulator.url,
      }),
      dataAppName: emulatorPackage.EMULATOR_DATA_APP,
      authorize: () => ({ clientId: 'tenant-9' }),
      expiresIn: 120_000,
    });
    const http = createServer(node.toNodeHandler(handler));
    const url = await listen(http);
    closers.push(
      () =>
        new Promise<void>((resolve) => {
          http.close(() => resolve());
          http.closeAllConnections();
        }),
    );

    const response = await fetch(`${url}/api/databrain/token`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { token: string; expiresIn: number };
    expect(body.expiresIn).toBe(120_000);
    expect(emulator.getTokenClaims(body.token)?.clientId).toBe('tenant-9');
  });

  it('mint a token from ESM', async () => {
    const { startEmulator, EMULATOR_API_KEY, EMULATOR_DATA_APP } = await import('@databrain-embed/emulator');
    const { createDatabrainClient } = await import('@databrain-embed/server');
    const emulator = await startEmulator({ port: 0 });
    closers.push(() => emulator.close());
    const client = createDatabrainClient({ apiKey: EMULATOR_API_KEY, baseUrl: emulator.url });
    const { token } = await client.createGuestToken({ clientId: 'acme', dataAppName: EMULATOR_DATA_APP });
    expect(emulator.getTokenClaims(token)?.clientId).toBe('acme');
  });
});

describe('the built react package in Node', () => {
  it('renders a provider and a dashboard to HTML from CommonJS, as a placeholder', () => {
    const react = require('react') as typeof import('react');
    const { renderToString } = require('react-dom/server') as typeof import('react-dom/server');
    const embed = require('@databrain-embed/react') as typeof import('@databrain-embed/react');
    const html = renderToString(
      react.createElement(
        embed.DatabrainProvider,
        { tokenEndpoint: '/api/databrain/token' },
        react.createElement(embed.Dashboard, { dashboardId: 'sales-overview' }),
      ),
    );
    expect(html).toContain('data-databrain-embed="dashboard"');
    expect(html).toContain('role="status"');
    expect(html).not.toContain('<dbn-dashboard');
  });

  it('does nothing when asked to load the elements on the server', async () => {
    const embed = require('@databrain-embed/react') as typeof import('@databrain-embed/react');
    let loaded = false;
    await embed.loadElements(async () => {
      loaded = true;
    });
    expect(loaded).toBe(false);
  });
});

describe('the built emulator CLI', () => {
  it('prints its usage with --help and exits 0', () => {
    const cli = join(root, 'packages', 'emulator', 'dist', 'cli.mjs');
    const result = spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8', timeout: 30_000 });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('--port');
  });
});
