import { describe, expect, it } from 'vitest';
import * as data from './data/index.ts';
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

  it('keeps the data entry to the hook alone, so SWR loads only where it is imported', () => {
    expect(Object.keys(data)).toEqual(['useMetricData']);
  });

  it('exports no undefined value', () => {
    for (const [name, value] of Object.entries({ ...react, ...data })) expect(value, name).toBeDefined();
  });
});
