import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuesOf } from './issuesOf.test.helpers.ts';
import {
  buildMetricQueryRequest,
  type MetricQueryFilters,
  type MetricQueryRequest,
  metricQueryResponseSchema,
  parseMetricQueryResponse,
} from './metricQuery.ts';
import { RESERVED_KEY_RULE } from './plainData.ts';

const issuesOfBody = (body: unknown) => issuesOf(() => buildMetricQueryRequest(body as MetricQueryRequest));
const base = { embedId: 'sales-overview', metricId: 'total-revenue', clientId: 'acme' };

// JSON values as DataBrain's query page shows them: scalars, lists, and objects such as { start, end }.
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(
      fc.string({ minLength: 1 }).filter((key) => !['__proto__', 'constructor', 'prototype'].includes(key)),
      tie('value'),
      { maxKeys: 3 },
    ),
  ),
})).value;
const filterName = fc
  .string({ minLength: 1 })
  .filter((name) => name.trim() !== '' && !['__proto__', 'constructor', 'prototype'].includes(name));

describe('buildMetricQueryRequest', () => {
  it('accepts any JSON filter values under non-empty names and returns the body unchanged', () => {
    fc.assert(
      fc.property(fc.dictionary(filterName, jsonValue, { maxKeys: 4 }), (values) => {
        const filters = values as unknown as MetricQueryFilters;
        const body = {
          ...base,
          metricFilter: filters,
          dashboardFilter: filters,
          datasourceName: 'warehouse',
        };
        expect(buildMetricQueryRequest(body)).toEqual(body);
      }),
    );
  });

  it('requires embedId, metricId and clientId, each at its own path', () => {
    expect(issuesOfBody({ embedId: '', clientId: 3 })).toEqual([
      { path: 'embedId', message: 'must not be empty' },
      { path: 'metricId', message: 'is required' },
      { path: 'clientId', message: 'must be a string' },
    ]);
  });

  it('rejects unknown keys, such as a filter sent under its guest-token name', () => {
    expect(issuesOfBody({ ...base, appFilters: [] })).toEqual([
      { path: '', message: 'Unrecognized key: "appFilters"' },
    ]);
  });

  it('names the filter value that is not JSON, never the value', () => {
    const issues = issuesOfBody({
      ...base,
      metricFilter: { amount: Number.POSITIVE_INFINITY, region: ['EMEA', Number.NaN] },
      dashboardFilter: { when: new Date('2024-01-01') },
    });
    expect(issues).toEqual([{ path: 'dashboardFilter.when', message: 'must be a plain object, not a Date' }]);
    expect(
      issuesOfBody({
        ...base,
        metricFilter: { amount: Number.POSITIVE_INFINITY, region: ['EMEA', Number.NaN] },
      }),
    ).toEqual([
      { path: 'metricFilter.amount', message: 'must be a finite number' },
      { path: 'metricFilter.region[1]', message: 'must be a finite number' },
    ]);
  });

  it('rejects a filters list, a blank filter name and a reserved key', () => {
    expect(issuesOfBody({ ...base, metricFilter: ['EMEA'] })).toEqual([
      { path: 'metricFilter', message: 'must be an object mapping filter names to values' },
    ]);
    expect(issuesOfBody({ ...base, metricFilter: { ' ': 'x' } })).toEqual([
      { path: 'metricFilter', message: 'filter names must be non-empty strings' },
    ]);
    expect(issuesOfBody({ ...base, metricFilter: JSON.parse('{"__proto__": {"isAdmin": true}}') })).toEqual([
      { path: 'metricFilter.__proto__', message: RESERVED_KEY_RULE },
    ]);
  });

  it('never repeats a filter value or an id in its message', () => {
    const tenantData = 'tenant-7731-private-region';
    const run = () =>
      buildMetricQueryRequest({
        ...base,
        metricId: '',
        clientId: tenantData,
        metricFilter: { region: tenantData, amount: Number.NaN },
      });
    expect(run).toThrow(/metricId: must not be empty/);
    expect(run).toThrow(/metricFilter\.amount: must be a finite number/);
    expect(run).not.toThrow(new RegExp(tenantData));
  });
});

describe('metricQueryResponseSchema', () => {
  it("reads DataBrain's documented answer", () => {
    const answer = parseMetricQueryResponse<{ date: string; revenue: number }>({
      data: [{ date: '2024-01-01', revenue: 15000 }],
      timeTaken: 245,
      comparisonValue: 12500,
      totalRecords: 31,
      metaData: {
        columns: [
          { name: 'date', dataType: 'date' },
          { name: 'revenue', dataType: 'number' },
        ],
        groupbyColumnList: ['date'],
      },
      metricid: 'metric_456',
      error: null,
    });
    expect(answer).toEqual({
      data: [{ date: '2024-01-01', revenue: 15000 }],
      timeTaken: 245,
      comparisonValue: 12500,
      totalRecords: 31,
      metaData: {
        columns: [
          { name: 'date', dataType: 'date' },
          { name: 'revenue', dataType: 'number' },
        ],
        groupbyColumnList: ['date'],
      },
      metricid: 'metric_456',
    });
  });

  it('keeps the rows when the envelope around them is missing or oddly typed', () => {
    expect(
      metricQueryResponseSchema.parse({
        data: [],
        timeTaken: '245',
        comparisonValue: { value: 1 },
        metaData: { columns: [{ name: 'a' }, 'b', { dataType: 'x' }], groupbyColumnList: [1, 'a'] },
      }),
    ).toEqual({
      data: [],
      timeTaken: null,
      comparisonValue: null,
      totalRecords: null,
      metaData: { columns: [{ name: 'a', dataType: 'unknown' }], groupbyColumnList: ['a'] },
      metricid: null,
    });
  });

  it('checks rows only as plain objects, reporting each one that is not', () => {
    expect(issuesOf(() => parseMetricQueryResponse({ data: [{ a: 1 }, [1, 2], 'row', null] }))).toEqual([
      { path: 'data[1]', message: 'must be a plain object (a row)' },
      { path: 'data[2]', message: 'must be a plain object (a row)' },
      { path: 'data[3]', message: 'must be a plain object (a row)' },
    ]);
    expect(issuesOf(() => parseMetricQueryResponse({ rows: [] }))).toEqual([
      { path: 'data', message: 'must be a list of rows' },
    ]);
    expect(issuesOf(() => parseMetricQueryResponse('[]'))).toEqual([
      { path: '', message: 'must be a JSON object' },
    ]);
  });
});
