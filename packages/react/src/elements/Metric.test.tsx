import { act, cleanup, render, screen } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DatabrainProvider } from '../DatabrainProvider.tsx';
import { advance, countingTokenSource, recordingLoader } from '../test-utils/componentTests.ts';
import { getRecordedElement, type RecordingElement } from '../testing/defineRecordingElements.ts';
import { Metric } from './Metric.tsx';

const metricElement = (): RecordingElement => getRecordedElement('dbn-metric');

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('Metric', () => {
  it('renders a placeholder of the requested size while loading', () => {
    render(
      <DatabrainProvider fetchToken={countingTokenSource()} loadElements={recordingLoader()}>
        <Metric metricId="revenue" width={480} height={320} />
      </DatabrainProvider>,
    );
    const placeholder = screen.getByRole('status');
    expect(placeholder.style.width).toBe('480px');
    expect(placeholder.style.height).toBe('320px');
  });

  it('passes sizes and flags as attributes and colours as a property', async () => {
    const chartColors = ['#000', '#fff'];
    render(
      <StrictMode>
        <DatabrainProvider fetchToken={countingTokenSource()} loadElements={recordingLoader()}>
          <Metric
            metricId="revenue"
            width={480}
            height={320}
            variant="card"
            chartRendererType="svg"
            chartColors={chartColors}
            enableMultiMetricFilters
            style={{ border: '1px solid' }}
          />
        </DatabrainProvider>
      </StrictMode>,
    );
    await advance();
    const element = metricElement();
    expect(element.properties.token).toBe('token-1');
    expect(element.getAttribute('metric-id')).toBe('revenue');
    expect(element.getAttribute('width')).toBe('480');
    expect(element.getAttribute('height')).toBe('320');
    expect(element.getAttribute('variant')).toBe('card');
    expect(element.getAttribute('chart-renderer-type')).toBe('svg');
    expect(element.getAttribute('enable-multi-metric-filters')).toBe('true');
    expect(element.properties.chartColors).toBe(chartColors);
    expect(element.hasAttribute('style')).toBe(false);
    expect((element.parentElement as HTMLElement).style.border).toBe('1px solid');
  });

  it('calls onMinimize through the global function named in on-minimize', async () => {
    const onMinimize = vi.fn();
    render(
      <DatabrainProvider fetchToken={countingTokenSource()} loadElements={recordingLoader()}>
        <Metric metricId="revenue" onMinimize={onMinimize} />
      </DatabrainProvider>,
    );
    await advance();
    const name = metricElement().getAttribute('on-minimize') ?? '';
    act(() => (window as unknown as Record<string, () => void>)[name]?.());
    expect(onMinimize).toHaveBeenCalledTimes(1);
  });

  it('keeps a throwing onMinimize away from the element, reporting it by name', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <DatabrainProvider fetchToken={countingTokenSource()} loadElements={recordingLoader()}>
        <Metric
          metricId="revenue"
          onMinimize={() => {
            throw new Error('app bug');
          }}
        />
      </DatabrainProvider>,
    );
    await advance();
    const name = metricElement().getAttribute('on-minimize') ?? '';
    const minimize = (window as unknown as Record<string, () => void>)[name];
    expect(typeof minimize).toBe('function');
    expect(() => act(() => minimize?.())).not.toThrow();
    expect(error.mock.calls.filter(([message]) => String(message).includes('onMinimize threw'))).toHaveLength(
      1,
    );
    error.mockRestore();
  });

  it('shares one token request with a dashboard and many metrics', async () => {
    const fetchToken = countingTokenSource();
    render(
      <StrictMode>
        <DatabrainProvider fetchToken={fetchToken} loadElements={recordingLoader()}>
          {Array.from({ length: 50 }, (_, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list.
            <Metric key={index} metricId={`metric-${index}`} />
          ))}
        </DatabrainProvider>
      </StrictMode>,
    );
    await advance();
    expect(fetchToken).toHaveBeenCalledTimes(1);
    expect(document.querySelectorAll('dbn-metric')).toHaveLength(50);
  });
});
