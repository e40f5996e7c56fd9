import { describe, expect, it } from 'vitest';
import * as main from './index.ts';
import * as node from './node.ts';

describe('public exports', () => {
  it('keeps the main entry list stable', () => {
    expect(Object.keys(main).sort()).toEqual([
      'DATABRAIN_CLIENT_DEFAULTS',
      'createDatabrainClient',
      'createGuestTokenHandler',
      'createGuestTokenIssuer',
    ]);
  });

  it('keeps the node entry list stable', () => {
    expect(Object.keys(node).sort()).toEqual(['toNodeHandler']);
  });
});
