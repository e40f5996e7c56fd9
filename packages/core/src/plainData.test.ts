import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { buildGuestTokenRequest, type GuestTokenInput } from './buildGuestTokenRequest.ts';
import { closedObject } from './closedObject.ts';
import { DatabrainValidationError } from './DatabrainValidationError.ts';
import { buildDatasourceRequest, type DatasourceRequest } from './datasourceRequest.ts';
import { filterValuesSchema } from './filterValues.ts';
import { issuesOf } from './issuesOf.test.helpers.ts';
import { parseGuestTokenRequest } from './parseGuestTokenRequest.ts';
import { toValidationIssues, validate } from './validate.ts';
import { buildWorkspaceRequest, type WorkspaceRequest } from './workspaceRequest.ts';

const RESERVED = 'is a reserved key (__proto__, constructor and prototype are never accepted)';

describe('reserved keys', () => {
  it('rejects an own __proto__ key made by JSON.parse at its path instead of dropping it', () => {
    const body = JSON.parse(
      '{"clientId":"acme","dataAppName":"sales","params":{"__proto__":{"admin":true}}}',
    );
    expect(issuesOf(() => parseGuestTokenRequest(body))).toEqual([
      { path: 'params.__proto__', message: RESERVED },
    ]);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('rejects %s among filter values at its path', (key) => {
    const values = JSON.parse(`{"country":"USA","${key}":"x"}`);
    const input = {
      clientId: 'acme',
      dataAppName: 'sales',
      params: { appFilters: [{ metricId: 'm', values }] },
    };
    expect(issuesOf(() => buildGuestTokenRequest(input))).toEqual([
      { path: `params.appFilters[0].values.${key}`, message: RESERVED },
    ]);
    expect(issuesOf(() => validate(filterValuesSchema, values, 'values'))).toEqual([
      { path: key, message: RESERVED },
    ]);
  });

  it('rejects an own __proto__ key in an admin request', () => {
    const body = JSON.parse(
      '{"datasourceType":"mysql","credentials":{"name":"shop","host":"db","port":3306,"user":"u","password":"p","__proto__":{}}}',
    );
    expect(issuesOf(() => buildDatasourceRequest(body))).toEqual([
      { path: 'credentials.__proto__', message: RESERVED },
    ]);
  });
});

describe('objects that are not plain', () => {
  it('rejects a Date passed as params instead of reading it as {}', () => {
    const input = {
      clientId: 'acme',
      dataAppName: 'sales',
      params: new Date(),
    } as unknown as GuestTokenInput;
    expect(issuesOf(() => buildGuestTokenRequest(input))).toEqual([
      { path: 'params', message: 'must be a plain object, not a Date' },
    ]);
  });

  it('rejects a Map, a class instance and a Date where plain objects are expected, each at its path', () => {
    class Settings {
      isShowSideBar = true;
    }
    const input = {
      clientId: 'acme',
      dataAppName: 'sales',
      permissions: new Settings(),
      params: { appFilters: [{ metricId: 'm', values: new Map([['country', 'USA']]) }] },
    } as unknown as GuestTokenInput;
    expect(issuesOf(() => buildGuestTokenRequest(input))).toEqual([
      { path: 'permissions', message: 'must be a plain object, not a Settings' },
      { path: 'params.appFilters[0].values', message: 'must be a plain object, not a Map' },
    ]);
    const workspace = { name: 'Sales', connectionType: 'MULTI_DATASOURCE', dashboards: new Date() };
    expect(issuesOf(() => buildWorkspaceRequest(workspace as unknown as WorkspaceRequest))[0]?.path).toBe(
      'dashboards',
    );
  });

  it('accepts objects without a prototype', () => {
    const params = Object.assign(Object.create(null) as object, { userIdentifier: 'user-1' });
    expect(buildGuestTokenRequest({ clientId: 'acme', dataAppName: 'sales', params }).params).toEqual({
      userIdentifier: 'user-1',
    });
  });
});

describe('blank strings', () => {
  it('rejects whitespace-only datasource fields as guest-token fields are rejected', () => {
    const body = {
      datasourceType: 'postgres',
      credentials: {
        name: ' ',
        host: '\t',
        port: 5432,
        username: 'reader',
        password: '   ',
        database: 'app',
        schema: '\n',
      },
      tenancySettings: { tenancyLevel: 'DATABASE', schemaName: '  ' },
    } as unknown as DatasourceRequest;
    expect(issuesOf(() => buildDatasourceRequest(body))).toEqual([
      { path: 'credentials.name', message: 'must not be empty' },
      { path: 'credentials.host', message: 'must not be empty' },
      { path: 'credentials.password', message: 'must not be empty' },
      { path: 'credentials.schema', message: 'must not be empty' },
      { path: 'tenancySettings.schemaName', message: 'must not be empty' },
    ]);
    expect(issuesOf(() => buildGuestTokenRequest({ clientId: ' ', dataAppName: 'sales' }))).toEqual([
      { path: 'clientId', message: 'must not be empty' },
    ]);
    expect(
      issuesOf(() => buildWorkspaceRequest({ name: ' \t', connectionType: 'MULTI_DATASOURCE' })),
    ).toEqual([{ path: 'name', message: 'must not be empty' }]);
  });
});

describe('the size of a validation message', () => {
  it('lists the first 20 of 100,000 bad filters and counts the rest, while issues holds them all', () => {
    const appFilters = Array.from({ length: 100_000 }, () => ({
      metricId: '',
      values: { country: Number.NaN },
    }));
    let error: unknown;
    try {
      buildGuestTokenRequest({ clientId: 'acme', dataAppName: 'sales', params: { appFilters } });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DatabrainValidationError);
    const { issues, message } = error as DatabrainValidationError;
    expect(issues).toHaveLength(200_000);
    expect(issues[199_999]?.path).toBe('params.appFilters[99999].values.country');
    expect(message.split('\n')).toHaveLength(1 + 20 + 1);
    expect(message).toContain('… and 199980 more');
    expect(message.length).toBeLessThan(4_000);
  });

  it('shortens a very long path in the message but not in issues', () => {
    const name = 'n'.repeat(10_000);
    const error = (() => {
      try {
        validate(filterValuesSchema, { [name]: Number.NaN }, 'values');
      } catch (caught) {
        return caught as DatabrainValidationError;
      }
    })();
    expect(error?.issues[0]?.path).toBe(name);
    expect(error?.message.length).toBeLessThan(1_000);
  });
});

describe('opaque keys', () => {
  class Store {
    get(): undefined {
      return undefined;
    }
  }
  const options = closedObject(
    {
      store: z.custom<Store>((value) => value instanceof Store, { error: 'must be a Store' }),
      limit: z.number(),
    },
    'must be an object',
    'option',
    ['store'],
  );

  it('accepts a class instance under an opaque key, which its own schema checks', () => {
    expect(options.safeParse({ store: new Store(), limit: 1 }).success).toBe(true);
    const wrong = options.safeParse({ store: new Date(), limit: 1 });
    expect(toValidationIssues(wrong.error?.issues ?? [])).toEqual([
      { path: 'store', message: 'must be a Store' },
    ]);
  });

  it('still refuses a reserved key named by an opaque key, and non-plain values elsewhere', () => {
    const bad = options.safeParse({
      ...JSON.parse('{"__proto__":1}'),
      store: new Store(),
      limit: new Date(),
    });
    expect(toValidationIssues(bad.error?.issues ?? [])).toEqual([
      { path: '__proto__', message: RESERVED },
      { path: 'limit', message: 'must be a plain object, not a Date' },
    ]);
  });
});
