import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonicalJson.ts';

describe('canonicalJson', () => {
  it('writes the same text for objects whose keys were set in another order, at every depth', () => {
    const first = { clientId: 'acme', params: { userIdentifier: 'u', appFilters: [{ b: 1, a: 2 }] } };
    const second = { params: { appFilters: [{ a: 2, b: 1 }], userIdentifier: 'u' }, clientId: 'acme' };
    expect(canonicalJson(first)).toBe(canonicalJson(second));
    expect(canonicalJson(first)).toBe(
      '{"clientId":"acme","params":{"appFilters":[{"a":2,"b":1}],"userIdentifier":"u"}}',
    );
  });

  it('keeps the order of arrays, which is part of the data', () => {
    expect(canonicalJson({ values: ['a', 'b'] })).not.toBe(canonicalJson({ values: ['b', 'a'] }));
  });

  it('drops undefined fields as JSON does', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
  });
});
