import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabrainValidationError } from '@databrain-embed/core';
import { describe, expect, it } from 'vitest';
import { loadEmulatorConfig } from './loadEmulatorConfig.ts';
import type { StartEmulatorOptions } from './StartEmulatorOptions.ts';
import { startEmulator } from './startEmulator.ts';

async function configFile(content: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dbn-emulator-'));
  const path = join(dir, 'emulator.json');
  await writeFile(path, content);
  return path;
}

describe('loadEmulatorConfig', () => {
  it('reads a valid config that extends the default seed', async () => {
    const path = await configFile(
      JSON.stringify({
        port: 0,
        seed: {
          datasources: ['pg-eu'],
          dataApps: [
            {
              name: 'shop',
              apiKeys: ['shop-key'],
              embeds: [{ embedId: 'orders', type: 'dashboard', name: 'Orders' }],
            },
          ],
        },
      }),
    );
    const config = await loadEmulatorConfig(path);
    const emulator = await startEmulator(config);
    try {
      expect(emulator.apiKeys).toEqual({ 'demo-app': 'dbn-emulator-api-key', shop: 'shop-key' });
      expect(emulator.seed.datasources).toEqual(['warehouse', 'pg-eu']);
    } finally {
      await emulator.close();
    }
  });

  it('names the file when it does not exist', async () => {
    await expect(loadEmulatorConfig('/nowhere/emulator.json')).rejects.toThrow(
      /Cannot read emulator config \/nowhere\/emulator\.json/,
    );
  });

  it('says when the file is not JSON', async () => {
    await expect(loadEmulatorConfig(await configFile('{ port: 1'))).rejects.toThrow(/is not valid JSON/);
  });

  it('lists every invalid field with its path', async () => {
    const path = await configFile(
      JSON.stringify({
        port: 'x',
        colour: 1,
        seed: { dataApps: [{ name: 'a', embeds: [{ embedId: 'e', type: 'chart' }] }], llms: [3] },
      }),
    );
    const error = await loadEmulatorConfig(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DatabrainValidationError);
    expect((error as DatabrainValidationError).issues.map((issue) => issue.path)).toEqual([
      'port',
      'seed.llms[0]',
      'seed.dataApps[0].embeds[0].type',
      'colour',
    ]);
    expect((error as Error).message).toContain(
      'colour: unknown key (known keys: host, port, includeDefaultSeed, seed)',
    );
  });

  it("applies core's rules: an own __proto__ key and whitespace-only names are refused at their paths", async () => {
    const path = await configFile(
      '{"host":"  ","seed":{"__proto__":{"x":1},"dataApps":[{"name":"a","apiKeys":[" "],"embeds":[{"embedId":"e","type":"metric"}]}]}}',
    );
    const error = await loadEmulatorConfig(path).catch((caught: unknown) => caught);
    expect((error as DatabrainValidationError).issues).toEqual([
      {
        path: 'seed.__proto__',
        message: 'is a reserved key (__proto__, constructor and prototype are never accepted)',
      },
    ]);
    const blank = await configFile('{"host":"  ","seed":{"dataApps":[{"name":"a","apiKeys":[" "]}]}}');
    const blankError = await loadEmulatorConfig(blank).catch((caught: unknown) => caught);
    expect((blankError as DatabrainValidationError).issues).toEqual([
      { path: 'host', message: 'must not be empty' },
      { path: 'seed.dataApps[0].apiKeys[0]', message: 'must not be empty' },
    ]);
  });

  it('gives an embed without a name its id as name', async () => {
    const path = await configFile(
      '{"seed":{"dataApps":[{"name":"a","embeds":[{"embedId":"e","type":"metric"}]}]}}',
    );
    const config = await loadEmulatorConfig(path);
    expect(config.seed?.dataApps).toEqual([
      { name: 'a', apiKeys: [], embeds: [{ embedId: 'e', type: 'metric', name: 'e' }] },
    ]);
  });

  it("reads an embed's metrics with their own rows, and names every malformed row value", async () => {
    const metrics = [{ metricId: 'orders', rows: [{ tenant: 'acme', orders: 3, open: true, note: null }] }];
    const valid = await configFile(
      JSON.stringify({
        seed: { dataApps: [{ name: 'a', embeds: [{ embedId: 'e', type: 'dashboard', metrics }] }] },
      }),
    );
    expect((await loadEmulatorConfig(valid)).seed?.dataApps?.[0]?.embeds[0]?.metrics).toEqual([
      { metricId: 'orders', name: 'orders', rows: [{ tenant: 'acme', orders: 3, open: true, note: null }] },
    ]);
    const invalid = await configFile(
      JSON.stringify({
        seed: {
          dataApps: [
            {
              name: 'a',
              embeds: [{ embedId: 'e', type: 'dashboard', metrics: [{ rows: [{ at: { day: 1 } }, 3] }] }],
            },
          ],
        },
      }),
    );
    const error = await loadEmulatorConfig(invalid).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DatabrainValidationError);
    expect((error as DatabrainValidationError).issues.map((issue) => issue.path)).toEqual([
      'seed.dataApps[0].embeds[0].metrics[0].metricId',
      'seed.dataApps[0].embeds[0].metrics[0].rows[0].at',
      'seed.dataApps[0].embeds[0].metrics[0].rows[1]',
    ]);
  });
});

describe('startEmulator seed options', () => {
  it('starts from an empty seed when includeDefaultSeed is false', async () => {
    const emulator = await startEmulator({
      includeDefaultSeed: false,
      seed: { serviceTokens: ['only-token'] },
    });
    try {
      expect(emulator.apiKeys).toEqual({});
      expect(emulator.serviceTokens).toEqual(['only-token']);
    } finally {
      await emulator.close();
    }
  });

  it('rejects an invalid seed option before listening', async () => {
    await expect(startEmulator({ seed: { datasources: [''] } })).rejects.toThrow(/seed\.datasources\[0\]/);
  });

  it("checks its options by the config file's rules, plus its own", async () => {
    const options = { port: 70_000, maxBodyBytes: 0, colour: 'red' } as unknown as StartEmulatorOptions;
    const error = await startEmulator(options).catch((caught: unknown) => caught);
    expect((error as DatabrainValidationError).issues.map((issue) => issue.path)).toEqual([
      'port',
      'maxBodyBytes',
      'colour',
    ]);
  });
});
