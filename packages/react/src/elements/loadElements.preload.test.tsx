import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DatabrainProvider } from '../DatabrainProvider.tsx';
import { advance, countingTokenSource } from '../test-utils/componentTests.ts';
import { defineRecordingElements } from '../testing/defineRecordingElements.ts';
import { Dashboard } from './Dashboard.tsx';
import { loadElements } from './loadElements.ts';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

// In a file of its own: the elements are undefined until this test defines them.
describe('loadElements() called before the embeds mount (a preload)', () => {
  it('shares one load between a preload and the embeds mounted while it runs, whatever their loader', async () => {
    vi.useFakeTimers();
    let finish: () => void = () => {};
    const preloader = vi.fn(
      () =>
        new Promise<void>((resolve) => {
          finish = () => {
            defineRecordingElements();
            resolve();
          };
        }),
    );
    const providerLoader = vi.fn(async () => defineRecordingElements());
    const preload = loadElements(preloader);
    render(
      <DatabrainProvider fetchToken={countingTokenSource()} loadElements={providerLoader}>
        <Dashboard dashboardId="d" />
      </DatabrainProvider>,
    );
    await advance();
    expect(document.querySelector('dbn-dashboard')).toBeNull();
    finish();
    await preload;
    await advance();
    expect(preloader).toHaveBeenCalledTimes(1);
    expect(providerLoader).not.toHaveBeenCalled();
    expect(document.querySelector('dbn-dashboard')).not.toBeNull();
  });
});
