import { describe, expect, it } from 'vitest';

describe('the browser entry', () => {
  it('throws on import, explaining that secret keys must stay on the server', async () => {
    await expect(import('./browser.ts')).rejects.toThrow(/cannot run in a browser.*must stay on the server/s);
    await expect(import('./browser.ts')).rejects.toThrow(/@databrain-embed\/react/);
  });

  it('is what the package resolves to for bundlers targeting browsers', async () => {
    const { readFile } = await import('node:fs/promises');
    const manifest = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as {
      exports: Record<string, Record<string, unknown>>;
    };
    for (const subpath of ['.', './node']) {
      const conditions = Object.keys(manifest.exports[subpath] ?? {});
      expect(conditions[0]).toBe('@databrain-embed/source');
      expect(conditions.indexOf('browser')).toBeLessThan(conditions.indexOf('import'));
      expect(manifest.exports[subpath]?.browser).toBe('./dist/browser.mjs');
    }
  });
});
