import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, root } from './builtPackages.ts';

const read = (file: string): string => readFileSync(join(root, 'packages', 'react', 'dist', file), 'utf8');

describe('the built @databrain-embed/react', () => {
  beforeAll(assertBuilt);

  it.each(['index.mjs', 'index.cjs'])('%s starts with the use client directive', (file) => {
    expect(read(file)).toMatch(/^["']use client["'];/);
  });

  it.each(['index.mjs', 'index.cjs'])('%s neither imports nor requires zod', (file) => {
    const code = read(file);
    expect(code).not.toMatch(/from\s*["']zod/);
    expect(code).not.toMatch(/require\(\s*["']zod/);
    expect(code).not.toMatch(/import\(\s*["']zod/);
  });

  it.each(['index.mjs', 'index.cjs'])('%s loads only the zod-free entries of core', (file) => {
    const specifiers = [...read(file).matchAll(/["'](@databrain-embed\/core[^"']*)["']/g)].map(
      (match) => match[1],
    );
    expect(new Set(specifiers)).toEqual(
      new Set(['@databrain-embed/core/errors', '@databrain-embed/core/token-endpoint']),
    );
  });

  it.each(['errors.mjs', 'errors.cjs', 'tokenEndpoint.mjs', 'tokenEndpoint.cjs'])(
    "core's %s and what it loads mention no zod",
    (file) => {
      const dist = join(root, 'packages', 'core', 'dist');
      const code = readFileSync(join(dist, file), 'utf8');
      const chunks = [...code.matchAll(/["']\.\/([^"']+\.[mc]?js)["']/g)].map((match) => match[1] as string);
      for (const text of [code, ...chunks.map((chunk) => readFileSync(join(dist, chunk), 'utf8'))]) {
        expect(text).not.toMatch(/zod/);
      }
    },
  );

  it('leaves the DataBrain plugin out of the bundle, imported lazily by its literal name', () => {
    const code = read('index.mjs');
    expect(code).toContain('"@databrainhq/plugin/web"');
    expect(code).not.toMatch(/from\s*["']@databrainhq\/plugin/);
  });

  it('declares the dbn-dashboard and dbn-metric JSX elements in its types', () => {
    // With several entries, the declarations live in a shared chunk that index.d.mts imports.
    const entry = read('index.d.mts');
    const chunks = [...entry.matchAll(/["']\.\/([^"']+)\.mjs["']/g)].map((match) => `${match[1]}.d.mts`);
    const types = [entry, ...chunks.filter((chunk) => chunk !== 'index.d.mts').map(read)].join('\n');
    expect(types).toContain('"dbn-dashboard"');
    expect(types).toContain('"dbn-metric"');
  });
});
