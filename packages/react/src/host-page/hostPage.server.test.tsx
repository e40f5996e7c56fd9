import { describe, expect, it } from 'vitest';
import { isolatePluginStyles } from './isolatePluginStyles.ts';
import { releasePluginGlobals } from './releasePluginGlobals.ts';
import { retainPluginGlobals } from './retainPluginGlobals.ts';

describe('the plugin style and globals helpers on the server', () => {
  it('do nothing where there is no document', () => {
    expect(typeof document).toBe('undefined');
    const stop = isolatePluginStyles();
    expect(stop).toBeTypeOf('function');
    stop();
    expect(releasePluginGlobals()).toBe(false);
    const release = retainPluginGlobals();
    release();
  });
});
