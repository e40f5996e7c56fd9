import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { viteFinal } from './preset.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A Storybook config directory holding `databrain.ts` with this source. */
function configDir(source: string, file = 'databrain.ts'): string {
  const dir = mkdtempSync(join(tmpdir(), 'databrain-storybook-'));
  dirs.push(dir);
  writeFileSync(join(dir, file), source);
  return dir;
}

// Plain objects: the file is loaded as a user's would be, without this package's source condition.
const config = (personas: string) => `
export default {
  dataAppName: 'shop',
  embeds: [{ embedId: 'orders', type: 'dashboard', name: 'Orders', rows: [{ tenant: 'acme', total: 1 }] }],
  personas: ${personas},
};
`;

const pluginOf = (result: { plugins?: unknown[] }) =>
  result.plugins?.find((plugin) => (plugin as Plugin).name === 'databrain-embed:storybook') as Plugin;

describe('the preset (viteFinal)', () => {
  it('loads .storybook/databrain.ts when Storybook starts and adds the addon plugin', async () => {
    const dir = configDir(config(`{ 'acme-viewer': { clientId: 'acme', expiresIn: '1h' } }`));
    const result = await viteFinal({ plugins: [] }, { configDir: dir, configType: 'DEVELOPMENT' });
    const plugin = pluginOf(result);
    expect(plugin).toBeDefined();
    const load = plugin.load as (id: string) => string | undefined;
    const code = load('\0virtual:databrain-storybook') ?? '';
    expect(code).toContain(JSON.stringify(join(dir, 'databrain.ts')));
    expect(code).toContain('"mode":"emulator"');
  });

  it('stops Storybook at start on a bad persona, naming the persona and the field', async () => {
    const dir = configDir(
      config(
        `{ 'acme-viewer': { clientId: 'acme' }, 'globex-editor': { clientId: '', permissions: { isEnableExport: true } } }`,
      ),
    );
    const started = viteFinal({}, { configDir: dir, configType: 'DEVELOPMENT' });
    await expect(started).rejects.toThrow(/personas\.globex-editor\.clientId: must not be empty/);
    await expect(started).rejects.toThrow(
      /personas\.globex-editor\.permissions\.isEnableExport: unknown permission key/,
    );
    await expect(started).rejects.toThrow(/databrain\.ts/);
  });

  it('reads another file named by configPath, and says what to create when there is none', async () => {
    const dir = configDir(config(`{ viewer: { clientId: 'acme' } }`), 'analytics.ts');
    await expect(viteFinal({}, { configDir: dir, configType: 'PRODUCTION' })).rejects.toThrow(
      /needs .*databrain\.ts: export default defineDatabrainStorybook/,
    );
    const result = await viteFinal(
      {},
      { configDir: dir, configType: 'PRODUCTION', configPath: 'analytics.ts' },
    );
    const load = pluginOf(result).load as (id: string) => string | undefined;
    expect(load('\0virtual:databrain-storybook')).toContain('"mode":"static"');
  });

  it('refuses a build while DATABRAIN_API_KEY is set, unless the tokenEndpoint option is given', async () => {
    const dir = configDir(config(`{ viewer: { clientId: 'acme' } }`));
    const key = 'dbn-preset-test-key';
    process.env.DATABRAIN_API_KEY = key;
    try {
      const refused = viteFinal({}, { configDir: dir, configType: 'PRODUCTION' });
      await expect(refused).rejects.toThrow(/can only go live through your own token endpoint/);
      await refused.catch((error: Error) => expect(error.message).not.toContain(key));
      const live = await viteFinal(
        {},
        {
          configDir: dir,
          configType: 'PRODUCTION',
          tokenEndpoint: 'https://example.com/api/databrain/token',
        },
      );
      const code =
        (pluginOf(live).load as (id: string) => string | undefined)('\0virtual:databrain-storybook') ?? '';
      expect(code).toContain('"mode":"static-live"');
      expect(code).toContain('https://example.com/api/databrain/token');
      expect(code).not.toContain(key);
    } finally {
      delete process.env.DATABRAIN_API_KEY;
    }
  });
});
