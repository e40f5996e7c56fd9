import { isDatabrainError } from '@databrain-embed/core/errors';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
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

// The elements stay undefined until the last tests of this file define them.
describe('loadElements', () => {
  it('does nothing at import time and shares one load between callers', async () => {
    const loader = vi.fn(async () => {});
    expect(loader).not.toHaveBeenCalled();
    const first = loadElements(loader);
    const second = loadElements(loader);
    expect(second).toBe(first);
    // This loader defines nothing.
    await expect(first).rejects.toMatchObject({ code: 'ELEMENTS_UNDEFINED' });
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it('forgets a failed load so the next call tries again', async () => {
    const loader = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce(undefined);
    const failed = await loadElements(loader).catch((reason: unknown) => reason);
    expect(isDatabrainError(failed) && failed.code).toBe('ELEMENTS_LOAD');
    expect((failed as Error).message).toBe(
      '[databrain-embed] Could not load the DataBrain elements. Is @databrainhq/plugin installed?',
    );
    await expect(loadElements(loader)).rejects.toMatchObject({
      code: 'ELEMENTS_UNDEFINED',
      message: '[databrain-embed] The loader left <dbn-dashboard> or <dbn-metric> undefined.',
    });
    expect(loader).toHaveBeenCalledTimes(2);
  });

  it('keeps the cause of a failed load', async () => {
    const cause = new Error('ChunkLoadError');
    const error = await loadElements(() => Promise.reject(cause)).catch((reason: unknown) => reason);
    expect((error as Error).cause).toBe(cause);
  });

  it('shows an error when the loader fails, and Retry loads again', async () => {
    vi.useFakeTimers();
    let attempts = 0;
    const loader = async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('offline');
      defineRecordingElements();
    };
    render(
      <DatabrainProvider fetchToken={countingTokenSource()} loadElements={loader}>
        <Dashboard dashboardId="d" />
      </DatabrainProvider>,
    );
    await advance();
    expect(screen.getByRole('alert')).toBeTruthy();
    expect(document.querySelector('dbn-dashboard')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await advance();
    expect(attempts).toBe(2);
    expect(document.querySelector('dbn-dashboard')).not.toBeNull();
  });

  it('does not call the loader once the elements are defined', async () => {
    defineRecordingElements();
    const loader = vi.fn(async () => {});
    await loadElements(loader);
    expect(loader).not.toHaveBeenCalled();
  });
});
