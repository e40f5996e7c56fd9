// @vitest-environment jsdom
// A component test as a user writes it: no server, no DataBrain; the
// provider gets a scripted token source and recording elements.
import {
  createTestTokenSource,
  getRecordedElement,
  recordingElementsLoader,
} from '@databrain-embed/react/testing';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AnalyticsPage } from './app/AnalyticsPage.tsx';

afterEach(() => {
  cleanup();
});

describe('<AnalyticsPage>', () => {
  it('hands the dashboard its token and theme', async () => {
    const tokens = createTestTokenSource('tok-1');
    render(<AnalyticsPage userId="u1" fetchToken={tokens} loadElements={recordingElementsLoader} />);

    const dashboard = await waitFor(() => getRecordedElement('dbn-dashboard'));
    await waitFor(() => expect(dashboard.currentToken).toBe('tok-1'));
    expect(dashboard.getAttribute('dashboard-id')).toBe('sales-overview');
    expect(dashboard.properties.theme).toEqual({ colors: { primary: '#0f766e' } });
    expect(tokens.calls).toBe(1);
  });

  it('swaps in a fresh token before the old one expires, in the same element', async () => {
    const tokens = createTestTokenSource([{ token: 'short-lived', expiresIn: 1_500 }, 'fresh']);
    render(<AnalyticsPage userId="u1" fetchToken={tokens} loadElements={recordingElementsLoader} />);

    const dashboard = await waitFor(() => getRecordedElement('dbn-dashboard'));
    await waitFor(() => expect(dashboard.currentToken).toBe('fresh'), { timeout: 5_000 });
    expect(dashboard.tokens).toEqual(['short-lived', 'fresh']);
    expect(getRecordedElement('dbn-dashboard')).toBe(dashboard);
    expect(dashboard.connections).toBe(1);
  });

  it('shows an error instead of the dashboard while the token source fails', async () => {
    const tokens = createTestTokenSource(new Error('token service down'));
    render(<AnalyticsPage userId="u1" fetchToken={tokens} loadElements={recordingElementsLoader} />);

    expect(await screen.findByRole('alert')).toBeDefined();
    expect(document.querySelector('dbn-dashboard')).toBeNull();
    expect(tokens.answers).toEqual([]);
  });
});
