import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGuestTokenRequest, type GuestTokenInput } from './buildGuestTokenRequest.ts';
import type { ValidationIssue } from './DatabrainValidationError.ts';
import { type ExpiresIn, toExpiryTime } from './expiresIn.ts';
import type { FilterValue } from './filterValues.ts';
import { issuesOf } from './issuesOf.test.helpers.ts';
import { parseGuestTokenRequest } from './parseGuestTokenRequest.ts';
import { PERMISSIONS } from './permissions.ts';

// Generators for valid inputs ------------------------------------------------

const text = fc
  .string({ minLength: 1, maxLength: 12 })
  .filter((value) => value.trim() !== '' && !['__proto__', 'constructor', 'prototype'].includes(value));
const zone = fc.constantFrom('UTC', ...Intl.supportedValuesOf('timeZone'));
const isoDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
// -0 would come back from JSON as 0; DataBrain cannot tell them apart either.
const finite = fc
  .oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }))
  .map((n) => (n === 0 ? 0 : n));

const filterValue: fc.Arbitrary<FilterValue> = fc.oneof(
  fc.string({ maxLength: 12 }),
  finite,
  fc.boolean(),
  fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.integer()), { maxLength: 4 }),
  fc
    .tuple(isoDate, isoDate)
    .map(([a, b]) => (a <= b ? { startDate: a, endDate: b } : { startDate: b, endDate: a })),
  fc.tuple(finite, finite).map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) })),
  fc.record({ sql: text, columnName: text }),
);
const values = fc.dictionary(text, filterValue, { maxKeys: 4, noNullPrototype: true });
const appFilter = fc.record({ metricId: text, values });
const dashboardAppFilter = fc.record(
  { dashboardId: text, values, isShowOnUrl: fc.boolean() },
  { requiredKeys: ['dashboardId', 'values'] },
);
const params = fc.record(
  {
    appFilters: fc.array(appFilter, { maxLength: 3 }),
    dashboardAppFilters: fc.array(dashboardAppFilter, { maxLength: 3 }),
    hideDashboardFilters: fc.array(text, { maxLength: 3 }),
    userIdentifier: text,
    allowedEmbeds: fc.array(text, { minLength: 1, maxLength: 3 }),
    timezone: zone,
    rlsSettings: fc.array(appFilter, { maxLength: 2 }),
  },
  { requiredKeys: [] },
);
const permissions = fc.record(
  Object.fromEntries(PERMISSIONS.map((permission) => [permission.key, fc.boolean()])),
  { requiredKeys: [] },
);
const unit = (suffix: string) =>
  fc.option(
    fc.integer({ min: 0, max: 99 }).map((n) => `${n}${suffix}`),
    { nil: '' },
  );
const expiresIn: fc.Arbitrary<ExpiresIn> = fc.oneof(
  fc.constant('never' as const),
  fc.integer({ min: 1, max: 2 ** 40 }),
  fc
    .tuple(unit('d'), unit('h'), unit('m'), unit('s'), fc.integer({ min: 1, max: 59 }))
    .map(([d, h, m, s, atLeast]) => `${d}${h}${m}${s || `${atLeast}s`}` as ExpiresIn),
  fc.record(
    {
      days: fc.integer({ min: 0, max: 30 }),
      hours: fc.integer({ min: 0, max: 48 }),
      minutes: fc.integer({ min: 0, max: 90 }),
      seconds: fc.integer({ min: 1, max: 90 }),
    },
    { requiredKeys: ['seconds'] },
  ),
);

const input: fc.Arbitrary<GuestTokenInput> = fc.record(
  {
    clientId: fc.oneof(text, fc.constant('None')),
    dataAppName: text,
    params,
    permissions,
    expiresIn,
    datasourceName: text,
  },
  { requiredKeys: ['clientId', 'dataAppName'] },
);

// Mutations that make a valid input invalid -----------------------------------

type Mutable = Record<string, unknown> & { params?: Record<string, unknown> };
interface Mutation {
  name: string;
  apply(target: Mutable): string;
}

const paramsOf = (target: Mutable): Record<string, unknown> => {
  target.params ??= {};
  return target.params;
};

const listAt = (target: Mutable, key: string): unknown[] => {
  const params = paramsOf(target);
  if (!Array.isArray(params[key])) params[key] = [];
  return params[key] as unknown[];
};

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constantFrom<unknown>('', '   ', 7, null, true, ['x']).map((bad) => ({
    name: `clientId = ${JSON.stringify(bad)}`,
    apply: (t: Mutable) => {
      t.clientId = bad;
      return 'clientId';
    },
  })),
  fc.constantFrom<unknown>('', 3, undefined).map((bad) => ({
    name: `dataAppName = ${String(bad)}`,
    apply: (t: Mutable) => {
      if (bad === undefined) delete t.dataAppName;
      else t.dataAppName = bad;
      return 'dataAppName';
    },
  })),
  fc.constantFrom('Mars/Olympus', 'new york', '', 'utc', '+05:00').map((bad) => ({
    name: `timezone = ${bad}`,
    apply: (t: Mutable) => {
      paramsOf(t).timezone = bad;
      return 'params.timezone';
    },
  })),
  fc.constantFrom('isShowSidebar', 'isEnableEverything', 'showSideBar', 'theme').map((key) => ({
    name: `permissions.${key}`,
    apply: (t: Mutable) => {
      t.permissions = { ...(t.permissions as object | undefined), [key]: true };
      return `permissions.${key}`;
    },
  })),
  fc.constantFrom<unknown>('yes', 1, null).map((bad) => ({
    name: `permissions.isShowSideBar = ${String(bad)}`,
    apply: (t: Mutable) => {
      t.permissions = { ...(t.permissions as object | undefined), isShowSideBar: bad };
      return 'permissions.isShowSideBar';
    },
  })),
  fc
    .tuple(isoDate, isoDate)
    .filter(([a, b]) => a !== b)
    .map(([a, b]) => ({
      name: 'date range with start after end',
      apply: (t: Mutable) => {
        const [early, late] = [a, b].sort();
        const list = listAt(t, 'dashboardAppFilters');
        list.push({
          dashboardId: 'd',
          values: { period: { startDate: late, endDate: early } },
        });
        return `params.dashboardAppFilters[${list.length - 1}].values.period.startDate`;
      },
    })),
  fc
    .tuple(finite, finite)
    .filter(([a, b]) => a !== b)
    .map(([a, b]) => ({
      name: 'number range with min above max',
      apply: (t: Mutable) => {
        const list = listAt(t, 'appFilters');
        list.push({ metricId: 'm', values: { amount: { min: Math.max(a, b), max: Math.min(a, b) } } });
        return `params.appFilters[${list.length - 1}].values.amount.min`;
      },
    })),
  fc.constantFrom<unknown>(null, Number.NaN, { from: 1 }, [null], undefined).map((bad) => ({
    name: `filter value = ${String(bad)}`,
    apply: (t: Mutable) => {
      const list = listAt(t, 'appFilters');
      list.push({ metricId: 'm', values: { country: bad } });
      return `params.appFilters[${list.length - 1}].values.country`;
    },
  })),
  fc.constant({
    name: 'empty filter name',
    apply: (t: Mutable) => {
      const list = listAt(t, 'rlsSettings');
      list.push({ metricId: 'm', values: { '': 'x' } });
      return `params.rlsSettings[${list.length - 1}].values`;
    },
  }),
  fc.constantFrom<unknown>([], [''], 'embed', [1]).map((bad) => ({
    name: `allowedEmbeds = ${JSON.stringify(bad)}`,
    apply: (t: Mutable) => {
      paramsOf(t).allowedEmbeds = bad;
      return 'params.allowedEmbeds';
    },
  })),
  fc.constantFrom<unknown>('', 5).map((bad) => ({
    name: `userIdentifier = ${JSON.stringify(bad)}`,
    apply: (t: Mutable) => {
      paramsOf(t).userIdentifier = bad;
      return 'params.userIdentifier';
    },
  })),
  fc.constantFrom<unknown>('', ' ', 1).map((bad) => ({
    name: `dashboardId = ${JSON.stringify(bad)}`,
    apply: (t: Mutable) => {
      const list = listAt(t, 'dashboardAppFilters');
      list.push({ dashboardId: bad, values: {} });
      return `params.dashboardAppFilters[${list.length - 1}].dashboardId`;
    },
  })),
);

/** A deep copy; every generated input is plain JSON data. */
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const atOrBelow = (path: string) => (issue: ValidationIssue) =>
  issue.path === path || issue.path.startsWith(`${path}.`) || issue.path.startsWith(`${path}[`);

describe('guest-token requests (properties)', () => {
  it('accepts every valid input and its wire body parses back to itself', () => {
    fc.assert(
      fc.property(input, (given) => {
        const body = buildGuestTokenRequest(given);
        expect(parseGuestTokenRequest(body)).toEqual(body);
        const overTheWire = JSON.parse(JSON.stringify(body)) as unknown;
        expect(overTheWire).toEqual(body);
        expect(parseGuestTokenRequest(overTheWire)).toEqual(body);
      }),
      { numRuns: 300 },
    );
  });

  it('sends exactly the keys it was given, with expiresIn turned into expiryTime', () => {
    fc.assert(
      fc.property(input, (given) => {
        const body = buildGuestTokenRequest(given);
        const { expiresIn: lifetime, ...rest } = given;
        const expiryTime = toExpiryTime(lifetime);
        expect(body).toEqual(expiryTime === undefined ? rest : { ...rest, expiryTime });
        expect('expiryTime' in body).toBe(lifetime !== 'never');
      }),
      { numRuns: 200 },
    );
  });

  it('rejects every mutated input with an issue at the mutated path', () => {
    fc.assert(
      fc.property(input, mutation, (given, change) => {
        const target = clone(given) as unknown as Mutable;
        const path = change.apply(target);
        const issues = issuesOf(() => buildGuestTokenRequest(target as unknown as GuestTokenInput));
        expect(issues.some(atOrBelow(path)), `${change.name}: ${JSON.stringify(issues)}`).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects every mutated wire body with an issue at the mutated path', () => {
    fc.assert(
      fc.property(input, mutation, (given, change) => {
        const target = clone(buildGuestTokenRequest(given)) as unknown as Mutable;
        const path = change.apply(target);
        const issues = issuesOf(() => parseGuestTokenRequest(target));
        expect(issues.some(atOrBelow(path)), `${change.name}: ${JSON.stringify(issues)}`).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects bad lifetimes at expiresIn', () => {
    const badLifetime = fc.oneof(
      fc.integer({ max: 0 }),
      fc.double({ min: 0.1, max: 1e6, noNaN: true }).filter((n) => !Number.isInteger(n)),
      fc.string().filter((s) => s !== 'never' && !/^(\d+d)?(\d+h)?(\d+m)?(\d+s)?$/.test(s)),
      fc.constantFrom<unknown>(null, {}, { weeks: 1 }, { hours: -1 }, '0s', true),
    );
    fc.assert(
      fc.property(input, badLifetime, (given, bad) => {
        const issues = issuesOf(() => buildGuestTokenRequest({ ...given, expiresIn: bad as ExpiresIn }));
        expect(issues.map((issue) => issue.path)).toContain('expiresIn');
      }),
    );
  });

  it('never repeats rejected tenant values in its messages', () => {
    const marker = fc.string({ minLength: 4, maxLength: 8 }).map((s) => `MARK-${s}-${'x'.repeat(3)}`);
    fc.assert(
      fc.property(input, marker, (given, secret) => {
        const bad = {
          ...given,
          clientId: secret,
          dataAppName: '',
          params: {
            userIdentifier: secret,
            timezone: secret,
            appFilters: [
              {
                metricId: secret,
                values: { a: { sql: secret }, b: { min: secret, max: 0 }, c: [secret, {}] },
              },
            ],
          },
        };
        try {
          buildGuestTokenRequest(bad as unknown as GuestTokenInput);
          expect.unreachable();
        } catch (error) {
          expect((error as Error).message).not.toContain(secret);
          expect(JSON.stringify(error)).not.toContain(secret);
        }
      }),
      { numRuns: 100 },
    );
  });
});
