import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The server snippets are type-checked by `tsc -b` (packages/server/examples/tsconfig.json); the
// examples/ apps are type-checked and built in the examples CI check. These tests keep the READMEs
// showing exactly that code.
const root = join(import.meta.dirname, '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const codeBlocks = (markdown: string) =>
  [...markdown.matchAll(/```(?:tsx?|js)\n([\s\S]*?)```/g)].map((match) => (match[1] ?? '').trim());

/** The part of a README under one `## ` heading. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`## ${heading}\n`);
  if (start === -1) throw new Error(`no "## ${heading}" section`);
  const end = markdown.indexOf('\n## ', start + 3);
  return markdown.slice(start, end === -1 ? undefined : end);
}

/** Whether `lines` appear one after another in `source`, each compared without its indentation. */
function holdsLines(source: string, lines: string[]): boolean {
  const sourceLines = source.split('\n').map((line) => line.trim());
  const wanted = lines.map((line) => line.trim());
  return sourceLines.some((_, start) => wanted.every((line, offset) => sourceLines[start + offset] === line));
}

describe('README snippets', () => {
  const express = read('packages/server/examples/express.ts').trim();
  const next = read('packages/server/examples/next-route.ts').trim();

  it("shows only the examples' own code in the root README's In your app, from both examples", () => {
    const inYourApp = section(read('README.md'), 'In your app');
    expect(inYourApp).toContain('(examples/vite-express)');
    expect(inYourApp).toContain('(examples/next-app-router)');
    const blocks = codeBlocks(inYourApp);
    const sources = blocks.map((block) => {
      const [first = '', ...rest] = block.split('\n');
      const path = /^\/\/ (examples\/\S+)/.exec(first)?.[1];
      expect(path, `a snippet that names no example file: ${first}`).toBeDefined();
      expect(holdsLines(read(path ?? ''), rest), `not verbatim from ${path}:\n${rest.join('\n')}`).toBe(true);
      return path ?? '';
    });
    expect(sources.some((path) => path.startsWith('examples/vite-express/'))).toBe(true);
    expect(sources.some((path) => path.startsWith('examples/next-app-router/'))).toBe(true);
  });

  it('notices a snippet that drifted from its example', () => {
    const source = read('examples/next-app-router/app/api/databrain/token/route.ts');
    expect(holdsLines(source, ['export const POST = tokens.handler;'])).toBe(true);
    expect(holdsLines(source, ['export const GET = tokens.handler;'])).toBe(false);
  });

  it('shows the type-checked Express backend, Next.js route handler, Hono, Bun and Deno in the server README', () => {
    const blocks = codeBlocks(read('packages/server/README.md'));
    for (const file of [
      'express.ts',
      'next-route.ts',
      'hono.ts',
      'bun.ts',
      'deno.ts',
      'token-reuse-redis.ts',
      'errors.ts',
    ]) {
      expect(blocks).toContain(read(`packages/server/examples/${file}`).trim());
    }
    expect(blocks).toContain(express);
    expect(blocks).toContain(next);
  });

  it("shows the Storybook addon's type-checked setup in its README, each file whole", () => {
    const blocks = codeBlocks(read('packages/storybook/README.md'));
    for (const file of ['.storybook/main.ts', '.storybook/databrain.ts', 'src/Orders.stories.tsx']) {
      const source = read(`packages/storybook/examples/${file}`).trim();
      expect(source.startsWith(`// ${file}\n`), file).toBe(true);
      expect(blocks, file).toContain(source);
    }
  });

  it('keeps the Express backend to 15 lines', () => {
    expect(express.split('\n').length).toBeLessThanOrEqual(15);
  });
});
