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

  it.each(['index.mjs', 'index.cjs'])('%s loads core for types only', (file) => {
    expect(read(file)).not.toContain('@databrain-embed/core');
  });

  it('leaves the optional DataBrain plugin out of the bundle, imported only at run time', () => {
    const code = read('index.mjs');
    expect(code).toContain('"@databrainhq/plugin/web"');
    expect(code).not.toMatch(/from\s*["']@databrainhq\/plugin/);
  });

  it('declares the dbn-dashboard and dbn-metric JSX elements in its types', () => {
    const types = read('index.d.mts');
    expect(types).toContain('"dbn-dashboard"');
    expect(types).toContain('"dbn-metric"');
  });
});
