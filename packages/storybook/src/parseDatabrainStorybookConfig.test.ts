import { DatabrainValidationError, type ValidationIssue } from '@databrain-embed/core';
import { describe, expect, it } from 'vitest';
import type { DatabrainStorybookConfig } from './DatabrainStorybookConfig.ts';
import { parseDatabrainStorybookConfig } from './parseDatabrainStorybookConfig.ts';

const valid = {
  dataAppName: 'shop',
  embeds: [
    {
      embedId: 'orders',
      type: 'dashboard',
      name: 'Orders',
      rows: [
        { tenant: 'acme', status: 'shipped', total: 120, paid: true },
        { tenant: 'globex', status: 'open', total: null, paid: false },
      ],
    },
    { embedId: 'revenue', type: 'metric', name: 'Revenue', rows: [{ tenant: 'acme', total: 10 }] },
  ],
  personas: {
    'acme-viewer': { clientId: 'acme', permissions: { isEnableManageMetrics: false } },
    'globex-editor': {
      clientId: 'globex',
      label: 'Globex editor',
      params: { appFilters: [{ metricId: 'revenue', values: { status: 'open' } }] },
      permissions: { isEnableManageMetrics: true },
      expiresIn: '30m',
    },
  },
} satisfies DatabrainStorybookConfig;

/** The issues of a config that must be refused (and the message that lists them). */
function refused(config: unknown): { issues: ValidationIssue[]; message: string } {
  try {
    parseDatabrainStorybookConfig(config, '.storybook/databrain.ts');
  } catch (error) {
    if (error instanceof DatabrainValidationError)
      return { issues: [...error.issues], message: error.message };
    throw error;
  }
  throw new Error('expected the config to be refused');
}

/** `valid` with one persona replaced. */
const withPersona = (name: string, persona: unknown) => ({
  ...valid,
  personas: { ...valid.personas, [name]: persona },
});

describe('parseDatabrainStorybookConfig', () => {
  it('fills in the tenant column, the default persona and empty rows', () => {
    const config = parseDatabrainStorybookConfig({
      ...valid,
      embeds: [...valid.embeds, { embedId: 'empty', type: 'metric', name: 'Empty' }],
    });
    expect(config.tenantColumn).toBe('tenant');
    expect(config.defaultPersona).toBe('acme-viewer');
    expect(config.embeds.map((embed) => embed.rows.length)).toEqual([2, 1, 0]);
    expect(config.personas['globex-editor']?.expiresIn).toBe('30m');
  });

  it('keeps a named default persona and tenant column', () => {
    const config = parseDatabrainStorybookConfig({
      ...valid,
      tenantColumn: 'company',
      embeds: [
        { embedId: 'revenue', type: 'metric', name: 'Revenue', rows: [{ company: 'acme', total: 1 }] },
      ],
      defaultPersona: 'globex-editor',
    });
    expect(config.tenantColumn).toBe('company');
    expect(config.defaultPersona).toBe('globex-editor');
  });

  it.each([
    ['a missing clientId', { permissions: {} }, 'personas.bad.clientId', 'is required'],
    ['an empty clientId', { clientId: ' ' }, 'personas.bad.clientId', 'must not be empty'],
    [
      'an unknown persona field',
      { clientId: 'acme', tenant: 'acme' },
      'personas.bad.tenant',
      'unknown field',
    ],
    ['an empty label', { clientId: 'acme', label: '' }, 'personas.bad.label', 'must not be empty'],
    [
      'an unknown permission',
      { clientId: 'acme', permissions: { isEnableExport: true } },
      'personas.bad.permissions.isEnableExport',
      'unknown permission key',
    ],
    [
      'a permission that is no boolean',
      { clientId: 'acme', permissions: { isShowSideBar: 'yes' } },
      'personas.bad.permissions.isShowSideBar',
      'must be a boolean',
    ],
    [
      'an unknown params field',
      { clientId: 'acme', params: { filters: [] } },
      'personas.bad.params.filters',
      'unknown field',
    ],
    [
      'a time zone that does not exist',
      { clientId: 'acme', params: { timezone: 'Mars/Olympus' } },
      'personas.bad.params.timezone',
      'IANA',
    ],
    [
      'an app filter without values',
      { clientId: 'acme', params: { appFilters: [{ metricId: 'revenue' }] } },
      'personas.bad.params.appFilters[0].values',
      '',
    ],
    [
      'an app filter on an unknown metric',
      { clientId: 'acme', params: { appFilters: [{ metricId: 'orders', values: { status: 'open' } }] } },
      'personas.bad.params.appFilters[0].metricId',
      'metric in embeds or a metric they list (revenue)',
    ],
    [
      'a dashboard filter on an unknown dashboard',
      {
        clientId: 'acme',
        params: { dashboardAppFilters: [{ dashboardId: 'sales', values: { status: 'open' } }] },
      },
      'personas.bad.params.dashboardAppFilters[0].dashboardId',
      'dashboard in embeds (orders)',
    ],
    [
      'an allowed embed that does not exist',
      { clientId: 'acme', params: { allowedEmbeds: ['orders', 'missing'] } },
      'personas.bad.params.allowedEmbeds[1]',
      'must be an embedId of embeds',
    ],
    ['a lifetime of zero', { clientId: 'acme', expiresIn: 0 }, 'personas.bad.expiresIn', 'positive integer'],
    [
      'a lifetime in an unknown unit',
      { clientId: 'acme', expiresIn: '2w' },
      'personas.bad.expiresIn',
      "'1h30m'",
    ],
    ['a persona that is no object', 'acme', 'personas.bad', 'must be an object'],
  ])('names the persona and the field for %s', (_case, persona, path, rule) => {
    const { issues, message } = refused(withPersona('bad', persona));
    expect(issues.map((issue) => issue.path)).toEqual([path]);
    expect(issues[0]?.message).toContain(rule);
    expect(message).toContain('.storybook/databrain.ts');
    expect(message).toContain(`${path}: `);
  });

  it('lists every bad field of every persona at once', () => {
    const { issues } = refused({
      ...valid,
      personas: {
        first: { clientId: '', permissions: { isShowSideBar: 1 } },
        second: { clientId: 'acme', expiresIn: -5 },
      },
    });
    expect(issues.map((issue) => issue.path)).toEqual([
      'personas.first.clientId',
      'personas.first.permissions.isShowSideBar',
      'personas.second.expiresIn',
    ]);
  });

  it('refuses persona names that cannot travel in a URL, no personas, and an unknown default persona', () => {
    expect(refused(withPersona('acme viewer', { clientId: 'acme' })).issues).toEqual([
      { path: 'personas.acme viewer', message: expect.stringContaining('letters, digits') },
    ]);
    expect(refused({ ...valid, personas: {} }).issues).toEqual([
      { path: 'personas', message: 'must name at least one persona' },
    ]);
    expect(refused({ ...valid, defaultPersona: 'nobody' }).issues).toEqual([
      { path: 'defaultPersona', message: 'must name one of the personas (acme-viewer, globex-editor)' },
    ]);
  });

  it('refuses rows without their tenant, with a second type in a column, or with values that are not JSON', () => {
    const embed = (rows: unknown[]) => ({
      ...valid,
      embeds: [{ embedId: 'orders', type: 'dashboard', name: 'Orders', rows }, valid.embeds[1]],
    });
    expect(refused(embed([{ tenant: 'acme' }, { status: 'open' }])).issues).toEqual([
      {
        path: 'embeds[0].rows[1].tenant',
        message: expect.stringContaining('"tenant" column (tenantColumn)'),
      },
    ]);
    expect(
      refused(
        embed([
          { tenant: 'acme', total: 1 },
          { tenant: 'acme', total: '2' },
        ]),
      ).issues,
    ).toEqual([
      { path: 'embeds[0].rows[1].total', message: "must be number, like the column's first value" },
    ]);
    expect(refused(embed([{ tenant: 'acme', at: new Date(0) }])).issues.map((issue) => issue.path)).toEqual([
      'embeds[0].rows[0].at',
    ]);
    expect(refused(embed([{ tenant: 'acme', total: Number.NaN }])).issues.map((issue) => issue.path)).toEqual(
      ['embeds[0].rows[0].total'],
    );
  });

  it('refuses a config without embeds, an embed of another type, and embed ids used twice', () => {
    expect(refused({ ...valid, embeds: [] }).issues).toContainEqual({
      path: 'embeds',
      message: 'must list at least one embed',
    });
    expect(
      refused({
        ...valid,
        embeds: [{ embedId: 'orders', type: 'table', name: 'Orders' }, valid.embeds[1]],
      }).issues.map((issue) => issue.path),
    ).toContain('embeds[0].type');
    expect(
      refused({ ...valid, embeds: [...valid.embeds, { embedId: 'orders', type: 'metric', name: 'Again' }] })
        .issues,
    ).toEqual([{ path: 'embeds[2].embedId', message: 'must be unique among the embeds' }]);
  });

  it('refuses unknown top-level fields and a missing data app', () => {
    const { dataAppName: _name, ...rest } = valid;
    expect(refused({ ...rest, tenant: 'x' }).issues.map((issue) => issue.path)).toEqual([
      'dataAppName',
      'tenant',
    ]);
  });
});
