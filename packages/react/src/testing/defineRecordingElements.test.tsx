import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { Dashboard, DatabrainProvider, Metric } from '../index.ts';
import { createTestTokenSource } from './createTestTokenSource.ts';
import {
  defineRecordingElements,
  getRecordedElement,
  getRecordedElements,
  recordingElementsLoader,
} from './defineRecordingElements.ts';

afterEach(() => {
  cleanup();
});

describe('recording elements', () => {
  it('record the token, the id attribute and object properties a <Dashboard> gives them', async () => {
    const options = { hideDashboardName: true };
    const theme = { colors: { primary: '#0f766e' } };
    render(
      <StrictMode>
        <DatabrainProvider fetchToken={createTestTokenSource('tok-1')} loadElements={recordingElementsLoader}>
          <Dashboard dashboardId="sales-overview" options={options} theme={theme} />
        </DatabrainProvider>
      </StrictMode>,
    );
    const dashboard = await waitFor(() => getRecordedElement('dbn-dashboard'));
    await waitFor(() => expect(dashboard.currentToken).toBe('tok-1'));
    expect(dashboard.tokens).toEqual(['tok-1']);
    expect(dashboard.getAttribute('dashboard-id')).toBe('sales-overview');
    expect(dashboard.properties.options).toEqual(options);
    expect(dashboard.properties.theme).toEqual(theme);
    expect(dashboard.propertySets.some((set) => set.name === 'token' && set.value === 'tok-1')).toBe(true);
    expect(dashboard.attributeChanges).toContainEqual({ name: 'dashboard-id', value: 'sales-overview' });
    expect(dashboard.connections).toBe(1);
  });

  it('find every element of a tag, and say clearly when there is none', async () => {
    render(
      <DatabrainProvider fetchToken={createTestTokenSource('tok-1')} loadElements={recordingElementsLoader}>
        <Metric metricId="revenue" />
        <Metric metricId="active-users" chartColors={['#111111']} />
      </DatabrainProvider>,
    );
    await waitFor(() => expect(getRecordedElements('dbn-metric')).toHaveLength(2));
    const [revenue, users] = getRecordedElements('dbn-metric');
    expect(revenue?.getAttribute('metric-id')).toBe('revenue');
    expect(users?.properties.chartColors).toEqual(['#111111']);
    expect(() => getRecordedElement('dbn-dashboard')).toThrow(
      'no recording <dbn-dashboard> #0 yet (0 found)',
    );
  });

  it('send a server event to the handler the component registered', async () => {
    const events: unknown[] = [];
    const source = createTestTokenSource(['tok-1', 'tok-2']);
    render(
      <DatabrainProvider fetchToken={source} loadElements={recordingElementsLoader}>
        <Dashboard dashboardId="sales-overview" onServerEvent={(event) => events.push(event)} />
      </DatabrainProvider>,
    );
    const dashboard = await waitFor(() => {
      const element = getRecordedElement('dbn-dashboard');
      expect(element.currentToken).toBe('tok-1');
      return element;
    });
    dashboard.sendServerEvent({ type: 'TOKEN_EXPIRED', message: 'Token expired' });
    await waitFor(() => expect(dashboard.currentToken).toBe('tok-2'));
    expect(events).toEqual([{ type: 'TOKEN_EXPIRED', message: 'Token expired' }]);
    expect(dashboard.tokens).toEqual(['tok-1', 'tok-2']);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('are defined once, and say when an element has no event handler to call', () => {
    defineRecordingElements();
    expect(() => defineRecordingElements()).not.toThrow();
    const element = document.createElement('dbn-metric');
    expect(() =>
      (element as HTMLElement & { sendServerEvent(event: { type: string }): void }).sendServerEvent({
        type: 'X',
      }),
    ).toThrow('has no handle-server-event function to call');
  });
});
