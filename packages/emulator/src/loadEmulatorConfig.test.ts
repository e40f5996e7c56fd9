import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabrainValidationError } from '@databrain-embed/core';
import { describe, expect, it } from 'vitest';
import { loadEmulatorConfig } from './loadEmulatorConfig.ts';
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
      'colour',
      'port',
      'seed.llms[0]',
      'seed.dataApps[0].embeds[0].type',
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
    await expect(startEmulator({ seed: { datasources: [''] } })).rejects.toThrow(/datasources\[0\]/);
  });
});
