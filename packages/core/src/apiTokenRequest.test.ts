import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ApiTokenRequest, apiTokenRequestSchema, buildApiTokenRequest } from './apiTokenRequest.ts';
import { issuesOf } from './issuesOf.test.helpers.ts';

const issuesOfBody = (body: unknown) => issuesOf(() => buildApiTokenRequest(body as ApiTokenRequest));

const filled = fc.string({ minLength: 1 }).filter((value) => value.trim() !== '');
const valid = fc.record({ dataAppName: filled, name: filled });

describe('buildApiTokenRequest', () => {
  it('accepts any two non-empty names and returns them unchanged', () => {
    fc.assert(
      fc.property(valid, (body) => {
        expect(buildApiTokenRequest(body)).toEqual(body);
        expect(apiTokenRequestSchema.safeParse(body).success).toBe(true);
      }),
    );
  });

  it('rejects a missing, empty or non-string field, at that field', () => {
    fc.assert(
      fc.property(
        valid,
        fc.constantFrom('dataAppName', 'name'),
        fc.constantFrom(undefined, '', 3, null),
        (body, field, bad) => {
          const mutated: Record<string, unknown> = { ...body };
          if (bad === undefined) delete mutated[field];
          else mutated[field] = bad;
          const expected =
            bad === undefined ? 'is required' : bad === '' ? 'must not be empty' : 'must be a string';
          expect(issuesOfBody(mutated)).toEqual([{ path: field, message: expected }]);
        },
      ),
    );
  });

  it('rejects extra keys such as a misspelled dataAppname', () => {
    expect(issuesOfBody({ dataAppname: 'portal', name: 'Production' })).toEqual([
      { path: 'dataAppName', message: 'is required' },
      { path: '', message: 'Unrecognized key: "dataAppname"' },
    ]);
  });

  it('names the request in its error message', () => {
    expect(() => buildApiTokenRequest({ dataAppName: '', name: 'x' })).toThrow(
      '[databrain-embed] Invalid API token request:\n  - dataAppName: must not be empty',
    );
  });
});
