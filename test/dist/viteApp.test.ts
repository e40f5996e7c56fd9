import { readdir, readFile, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { chromium } from 'playwright-core';
import type { Manifest } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureApp } from '../buildFixtureApp.mjs';
import { chromiumArgs, chromiumPath } from '../chromium.ts';
import { serveApp } from '../tabs/serveApp.mjs';
import { assertBuilt, root } from './builtPackages.ts';

const fixture = join(root, 'test', 'dist', 'fixtures', 'app');
let outDir = '';
let manifest: Manifest;
const files = new Map<string, string>();

async function readAll(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await readAll(path);
    else if (entry.name.endsWith('.js')) files.set(relative(outDir, path), await readFile(path, 'utf8'));
  }
}

// zod's own identifiers, not the three letters (they occur in base64 data).
const ZOD = /ZodError|\$ZodType|\b_zod\b|["']zod["']/;

beforeAll(async () => {
  assertBuilt();
  outDir = await buildFixtureApp({ root: fixture });
  manifest = JSON.parse(await readFile(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  await readAll(outDir);
}, 180_000);

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

function entryChunk() {
  const entry = Object.values(manifest).find((chunk) => chunk.isEntry);
  if (!entry) throw new Error('the build has no entry chunk');
  return entry;
}

describe('a Vite production build of an app using @databrain-embed/react with the default loader', () => {
  it('produces an entry chunk and JavaScript files', () => {
    expect(entryChunk().file).toMatch(/\.js$/);
    expect(files.size).toBeGreaterThan(1);
  });

  it('contains no zod in any chunk', () => {
    for (const [file, code] of files) expect(ZOD.test(code), `${file} contains zod`).toBe(false);
  });

  it('leaves no process.env in any chunk', () => {
    for (const [file, code] of files)
      expect(code.includes('process.env'), `${file} reads process.env`).toBe(false);
  });

  it('puts the DataBrain plugin in a lazily loaded chunk, not in the entry or its static imports', () => {
    const entry = entryChunk();
    const lazy = entry.dynamicImports ?? [];
    const pluginKey = Object.keys(manifest).find((key) => key.includes('@databrainhq/plugin'));
    expect(pluginKey, 'the plugin is a chunk of its own').toBeDefined();
    expect(lazy).toContain(pluginKey);
    expect(entry.imports ?? []).not.toContain(pluginKey);

    const pluginFile = manifest[pluginKey as string]?.file as string;
    expect(pluginFile).not.toBe(entry.file);
    // DataBrain's elements register these tags; only the lazy chunk may do it.
    expect(files.get(pluginFile)).toContain('dbn-dashboard');
    const initial = [entry.file, ...(entry.imports ?? []).map((key) => manifest[key]?.file as string)];
    for (const file of initial) expect(files.get(file)?.length ?? 0).toBeLessThan(500_000);
    expect(files.get(pluginFile)?.length ?? 0).toBeGreaterThan(1_000_000);
  });

  it('keeps the entry small: our code and React, without the plugin', () => {
    const code = files.get(entryChunk().file) ?? '';
    expect(code).toContain('data-databrain-embed');
    expect(code.length).toBeLessThan(300_000);
  });
});

describe('the built app in Chromium, with every request off 127.0.0.1 blocked', () => {
  it('defines DataBrain’s dbn-dashboard and hands it the token the handler minted', async () => {
    const app = await serveApp({ dir: outDir, tokenLifetimeMs: 60 * 60 * 1000 });
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: chromiumArgs,
      headless: true,
    });
    try {
      const context = await browser.newContext();
      const blockedHosts = new Set<string>();
      await context.route('**/*', (route) => {
        const { hostname, host } = new URL(route.request().url());
        if (hostname === '127.0.0.1') return route.continue();
        blockedHosts.add(host);
        return route.abort();
      });
      const page = await context.newPage();
      await page.goto(app.url);
      const held = await page.waitForFunction(
        () => {
          const element = document.querySelector('dbn-dashboard') as
            | (HTMLElement & { token?: unknown })
            | null;
          return customElements.get('dbn-dashboard') !== undefined && typeof element?.token === 'string'
            ? element.token
            : undefined;
        },
        undefined,
        { timeout: 60_000, polling: 50 },
      );
      const token = await held.jsonValue();
      const minted = app.tokenRequests
        .filter((request) => request.status === 200)
        .map((request) => request.token);
      expect(minted, `blocked: ${[...blockedHosts].join(', ')}`).toEqual([token]);
      // DataBrain's own element class, not a stand-in: the plugin also defines dbn-chart.
      expect(await page.evaluate(() => customElements.get('dbn-chart') !== undefined)).toBe(true);
    } finally {
      await browser.close();
      await app.close();
    }
  }, 120_000);
});
