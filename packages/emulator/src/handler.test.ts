import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const packagesDir = resolve(here, '..', '..');

// Static `import`/`export … from` specifiers, type-only ones included: a
// browser bundler resolves every one it keeps, and a type import today is a
// value import tomorrow.
const SPECIFIER = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]/g;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)|\brequire\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The source file a workspace specifier stands for, by its package's source condition. */
function workspaceSource(specifier: string): string | undefined {
  const match = /^@databrain-embed\/([^/]+)(\/.*)?$/.exec(specifier);
  if (!match) return undefined;
  const [, name, subpath] = match;
  const manifest = JSON.parse(readFileSync(join(packagesDir, name as string, 'package.json'), 'utf8')) as {
    exports: Record<string, { '@databrain-embed/source': string }>;
  };
  const entry = manifest.exports[`.${subpath ?? ''}`];
  return entry && join(packagesDir, name as string, entry['@databrain-embed/source']);
}

/** Every file reachable from `entry` and every bare specifier they import. */
function importGraph(entry: string): { files: Set<string>; external: Set<string> } {
  const files = new Set<string>();
  const external = new Set<string>();
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    // Without comments: JSDoc examples import what the code does not.
    const code = readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    const specifiers = [
      ...[...code.matchAll(SPECIFIER)].map((match) => match[1]),
      ...[...code.matchAll(DYNAMIC)].map((match) => match[1] ?? match[2]),
    ].filter((specifier): specifier is string => specifier !== undefined);
    for (const specifier of specifiers) {
      if (specifier.startsWith('.')) pending.push(resolve(dirname(file), specifier));
      else {
        const source = workspaceSource(specifier);
        if (source) pending.push(source);
        else external.add(specifier);
      }
    }
  }
  return { files, external };
}

describe('the @databrain-embed/emulator/handler entry', () => {
  const graph = importGraph(join(here, 'handler.ts'));

  it('reaches the handler, its routes and core through its imports', () => {
    const reached = [...graph.files].map((file) => file.slice(packagesDir.length + 1));
    expect(reached).toEqual(
      expect.arrayContaining([
        'emulator/src/createEmulatorHandler.ts',
        'emulator/src/routes/guestTokenRoute.ts',
        'emulator/src/routes/previewRoute.ts',
        'core/src/index.ts',
        'core/src/internal.ts',
      ]),
    );
  });

  it('imports nothing of Node: no node:* module and no bare builtin, in the emulator or in core', () => {
    // zod is core's one dependency and runs in browsers.
    expect([...graph.external].sort()).toEqual(['zod']);
  });

  it('leaves the node:http adapter and the file-reading config loader out', () => {
    const names = [...graph.files].map((file) => file.slice(file.lastIndexOf('/') + 1));
    expect(names).not.toContain('startEmulator.ts');
    expect(names).not.toContain('loadEmulatorConfig.ts');
  });
});
