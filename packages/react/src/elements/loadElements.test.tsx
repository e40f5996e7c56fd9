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
  for (const style of document.querySelectorAll('style#dbn-styles')) style.remove();
});

// A small stand-in for the plugin's stylesheet: a font, its variables and rules that would restyle the page.
const PLUGIN_CSS =
  '@font-face{font-family:Inter;src:url(data:font/woff2;base64,AAAA)}:root{--databrainhq-plugin-color-primary:#5865f6}body{margin:0}.hidden{display:none!important}';

/** Does what importing the plugin does to <head> (without defining anything). */
function insertPluginStyle(): HTMLStyleElement {
  const style = document.createElement('style');
  style.id = 'dbn-styles';
  style.textContent = PLUGIN_CSS;
  return document.head.appendChild(style);
}

const rulesOf = (style: HTMLStyleElement): string[] =>
  Array.from(style.sheet?.cssRules ?? [], (rule) => rule.cssText.split(' ')[0] as string);

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

  it('isolates the plugin styles the loader inserts, then gives <head> its own appendChild back', async () => {
    let inserted: HTMLStyleElement | undefined;
    let patchedDuringLoad = false;
    const loader = async () => {
      patchedDuringLoad = Object.hasOwn(document.head, 'appendChild');
      inserted = insertPluginStyle();
    };
    await expect(loadElements(loader)).rejects.toMatchObject({ code: 'ELEMENTS_UNDEFINED' });
    expect(patchedDuringLoad).toBe(true);
    expect(rulesOf(inserted as HTMLStyleElement)).toEqual(['@font-face', ':root']);
    expect(Object.hasOwn(document.head, 'appendChild')).toBe(false);
  });

  it('leaves the styles as the plugin inserts them with isolatePluginStyles: false', async () => {
    let inserted: HTMLStyleElement | undefined;
    const loader = async () => {
      inserted = insertPluginStyle();
    };
    await loadElements(loader, { isolatePluginStyles: false }).catch(() => {});
    expect(rulesOf(inserted as HTMLStyleElement)).toEqual(['@font-face', ':root', 'body', '.hidden']);
  });

  it("isolates through a provider's own loadElements too, and stops watching once it settled", async () => {
    vi.useFakeTimers();
    let inserted: HTMLStyleElement | undefined;
    const loader = vi.fn(async () => {
      inserted = insertPluginStyle();
    });
    render(
      <DatabrainProvider fetchToken={countingTokenSource()} loadElements={loader}>
        <Dashboard dashboardId="d" />
        <Dashboard dashboardId="e" />
      </DatabrainProvider>,
    );
    await advance();
    expect(loader).toHaveBeenCalledTimes(1);
    expect(rulesOf(inserted as HTMLStyleElement)).toEqual(['@font-face', ':root']);
    expect(Object.hasOwn(document.head, 'appendChild')).toBe(false);
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
