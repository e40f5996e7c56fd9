import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The examples are type-checked by `tsc -b` (packages/server/examples/tsconfig.json);
// these tests keep the READMEs showing exactly that code.
const root = join(import.meta.dirname, '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const codeBlocks = (markdown: string) =>
  [...markdown.matchAll(/```tsx?\n([\s\S]*?)```/g)].map((match) => (match[1] ?? '').trim());

describe('README snippets', () => {
  const express = read('packages/server/examples/express.ts').trim();
  const next = read('packages/server/examples/next-route.ts').trim();

  it('shows the type-checked Express backend in the root README', () => {
    expect(codeBlocks(read('README.md'))).toContain(express);
  });

  it('shows the type-checked Express backend and Next.js route handler in the server README', () => {
    const blocks = codeBlocks(read('packages/server/README.md'));
    expect(blocks).toContain(express);
    expect(blocks).toContain(next);
  });

  it('keeps the Express backend to 15 lines', () => {
    expect(express.split('\n').length).toBeLessThanOrEqual(15);
  });
});
