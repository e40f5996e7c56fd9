import { DatabrainValidationError } from '@databrain-embed/core';
import { describe, expect, it } from 'vitest';
import { parseEmulatorConfig, parseEmulatorSeed } from './parseEmulatorConfig.ts';

const seedWithRows = (rows: unknown, extra: Record<string, unknown> = {}) => ({
  ...extra,
  dataApps: [
    {
      name: 'shop',
      embeds: [
        { embedId: 'orders', type: 'dashboard' },
        { embedId: 'revenue', type: 'metric', rows },
      ],
    },
  ],
});

/** The "field: rule" lines of a rejected seed. */
function issuesOf(seed: unknown): string[] {
  try {
    parseEmulatorSeed(seed);
  } catch (error) {
    expect(error).toBeInstanceOf(DatabrainValidationError);
    return (error as DatabrainValidationError).issues.map((issue) => `${issue.path}: ${issue.message}`);
  }
  throw new Error('the seed was accepted');
}

describe("an embed's own rows in the seed", () => {
  it('accepts plain JSON rows and a tenantColumn, keeping them as given', () => {
    const rows = [
      { org: 'acme', total: 12.5, shipped: true, placedAt: '2024-03-02', note: null },
      { org: 'globex', total: 3, shipped: false, placedAt: '2024-03-09T10:00:00Z', note: 'gift' },
    ];
    const seed = parseEmulatorSeed(seedWithRows(rows, { tenantColumn: 'org' }));
    expect(seed.tenantColumn).toBe('org');
    expect(seed.dataApps?.[0]?.embeds[1]?.rows).toEqual(rows);
    expect(seed.dataApps?.[0]?.embeds[0]).toEqual({ embedId: 'orders', type: 'dashboard', name: 'orders' });
  });

  it('names every cell that is not a string, number, boolean or null, and every row that is not an object', () => {
    const issues = issuesOf(
      seedWithRows([{ tenant: 'acme', amount: { value: 1 } }, 'acme', { tenant: 'acme', amount: [1] }]),
    );
    expect(issues).toEqual([
      'dataApps[0].embeds[1].rows[0].amount: must be a string, number, boolean or null',
      'dataApps[0].embeds[1].rows[1]: must be an object of column → value',
      'dataApps[0].embeds[1].rows[2].amount: must be a string, number, boolean or null',
    ]);
  });

  it('refuses a non-finite number and a non-plain value such as a Date', () => {
    expect(issuesOf(seedWithRows([{ tenant: 'acme', amount: Number.NaN }]))).toEqual([
      'dataApps[0].embeds[1].rows[0].amount: must be a string, number, boolean or null',
    ]);
    expect(issuesOf(seedWithRows([{ tenant: 'acme', at: new Date(0) }]))[0]).toMatch(
      /^dataApps\[0\]\.embeds\[1\]\.rows\[0\]\.at: must be a plain object/,
    );
  });

  it('refuses a column that mixes types, naming the row that set it', () => {
    expect(
      issuesOf(
        seedWithRows([
          { tenant: 'acme', amount: 1 },
          { tenant: 'acme', amount: null },
          { tenant: 'acme', amount: '2' },
        ]),
      ),
    ).toEqual([
      'dataApps[0].embeds[1].rows[2].amount: must be a number or null like rows[0].amount: a column holds one type',
    ]);
  });

  it('requires the tenant column on every row, by the seed tenantColumn', () => {
    expect(issuesOf(seedWithRows([{ tenant: 'acme' }, { amount: 1 }]))).toEqual([
      'dataApps[0].embeds[1].rows[1].tenant: must name the row\'s tenant (a non-empty string or a number): rows are limited to a token\'s clientId through tenantColumn "tenant"',
    ]);
    expect(issuesOf(seedWithRows([{ tenant: 'acme' }], { tenantColumn: 'org' }))).toEqual([
      expect.stringMatching(/^dataApps\[0\]\.embeds\[1\]\.rows\[0\]\.org: must name the row's tenant/),
    ]);
  });

  it('refuses rows that are not a list, an empty column name and an empty tenantColumn', () => {
    expect(issuesOf(seedWithRows({ tenant: 'acme' }, { tenantColumn: ' ' }))).toEqual([
      'dataApps[0].embeds[1].rows: must be an array of rows (objects of column → value)',
      'tenantColumn: must not be empty',
    ]);
    expect(issuesOf(seedWithRows([{ tenant: 'acme', '': 1 }]))).toEqual([
      'dataApps[0].embeds[1].rows[0]: column names must not be empty',
    ]);
  });

  it('reports the same rules under seed. in a config file', () => {
    expect(() =>
      parseEmulatorConfig(
        JSON.parse(
          '{"seed":{"dataApps":[{"name":"a","embeds":[{"embedId":"e","type":"metric","rows":[{"tenant":"a","n":{}}]}]}]}}',
        ),
      ),
    ).toThrow('seed.dataApps[0].embeds[0].rows[0].n: must be a string, number, boolean or null');
  });
});
