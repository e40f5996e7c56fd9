import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, root } from './builtPackages.ts';

// Statements only (a JSDoc example line starts with ` * `, never with import/export).
const STATIC = /^(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']|^import\s*["']([^"']+)["']/gm;
const CALLS = /\b(?:require|import)\(\s*["']([^"']+)["']\s*\)/g;

/** Every built file `entry` loads, following relative imports and the workspace packages' dist. */
function loaded(entry: string): { files: string[]; external: Set<string> } {
  const files: string[] = [];
  const external = new Set<string>();
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (files.includes(file)) continue;
    files.push(file);
    const code = readFileSync(file, 'utf8');
    const specifiers = [...code.matchAll(STATIC), ...code.matchAll(CALLS)]
      .map((match) => match[1] ?? match[2])
      .filter((specifier): specifier is string => specifier !== undefined);
    const format = file.endsWith('.cjs') ? 'cjs' : 'mjs';
    for (const specifier of specifiers) {
      const workspace = /^@databrain-embed\/([^/]+)(?:\/(.+))?$/.exec(specifier);
      if (specifier.startsWith('.')) pending.push(join(dirname(file), specifier));
      else if (workspace) {
        pending.push(
          join(root, 'packages', workspace[1] as string, 'dist', `${workspace[2] ?? 'index'}.${format}`),
        );
      } else external.add(specifier);
    }
  }
  return { files, external };
}

describe('the built @databrain-embed/emulator/handler', () => {
  beforeAll(assertBuilt);

  it.each(['handler.mjs', 'handler.cjs'])('%s loads nothing of Node, down to core and its zod', (file) => {
    const graph = loaded(join(root, 'packages', 'emulator', 'dist', file));
    expect(graph.files.some((loadedFile) => loadedFile.includes(join('packages', 'core', 'dist')))).toBe(
      true,
    );
    expect([...graph.external]).toEqual(['zod']);
  });

  it('does not share a chunk with the node:http adapter', () => {
    const graph = loaded(join(root, 'packages', 'emulator', 'dist', 'handler.mjs'));
    for (const file of graph.files) expect(readFileSync(file, 'utf8')).not.toMatch(/node:http|createServer/);
  });
});

describe('the built @databrain-embed/emulator/elements', () => {
  beforeAll(assertBuilt);

  it.each(['elements.mjs', 'elements.cjs'])(
    '%s loads no package outside the workspace, so a page with preview elements never loads zod',
    (file) => {
      const graph = loaded(join(root, 'packages', 'emulator', 'dist', file));
      expect([...graph.external]).toEqual([]);
      for (const loadedFile of graph.files) expect(readFileSync(loadedFile, 'utf8')).not.toMatch(/\bzod\b/);
    },
  );
});
