import { describe, expect, it } from 'vitest';
import * as react from './index.ts';

describe('@databrain-embed/react public API', () => {
  it('exports exactly these runtime names, so nothing leaks or vanishes by accident', () => {
    expect(Object.keys(react).sort()).toEqual([
      'Dashboard',
      'DatabrainError',
      'DatabrainProvider',
      'Metric',
      'isDatabrainError',
      'isolatePluginStyles',
      'loadElements',
      'releasePluginGlobals',
      'retainPluginGlobals',
      'useGuestToken',
      'useTokenSession',
    ]);
  });

  it('exports no undefined value', () => {
    for (const [name, value] of Object.entries(react)) expect(value, name).toBeDefined();
  });
});
