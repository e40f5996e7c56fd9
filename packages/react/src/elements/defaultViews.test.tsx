import { DatabrainError } from '@databrain-embed/core/errors';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorView, LoadingView } from './defaultViews.tsx';

afterEach(cleanup);

describe('LoadingView', () => {
  it('is a busy status region of the embed size that names what loads', () => {
    render(<LoadingView noun="metric" size={{ width: 480, height: 320 }} />);
    const status = screen.getByRole('status');
    expect(status.getAttribute('aria-busy')).toBe('true');
    expect(status.textContent).toBe('Loading metric…');
    expect(status.style.width).toBe('480px');
    expect(status.style.height).toBe('320px');
  });

  it('has no serious or critical axe violation', async () => {
    const { container } = render(
      <main>
        <LoadingView noun="dashboard" size={{ width: '100%', minHeight: 480 }} />
      </main>,
    );
    const { violations } = await axe.run(container);
    expect(violations.filter(({ impact }) => impact === 'serious' || impact === 'critical')).toEqual([]);
  });
});

describe('ErrorView', () => {
  it('announces the failure with its code and a labelled Retry button of the embed size', () => {
    const retry = vi.fn();
    render(
      <ErrorView
        noun="dashboard"
        size={{ width: '100%', minHeight: 480 }}
        error={new DatabrainError('TOKEN_HTTP', 'POST /api/token answered HTTP 500.')}
        retry={retry}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The dashboard could not be loaded.');
    expect(alert.textContent).toContain('TOKEN_HTTP');
    expect(alert.style.minHeight).toBe('480px');
    const button = screen.getByRole('button', { name: 'Retry' });
    expect(button.getAttribute('type')).toBe('button');
    expect(button.getAttribute('aria-describedby')).toBe(
      screen.getByText('The dashboard could not be loaded.').id,
    );
    fireEvent.click(button);
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it('has no serious or critical axe violation', async () => {
    const { container } = render(
      <main>
        <ErrorView
          noun="metric"
          size={{ width: 480, height: 320 }}
          error={new DatabrainError('ELEMENTS_LOAD', 'Could not load the DataBrain elements.')}
          retry={() => {}}
        />
      </main>,
    );
    const { violations } = await axe.run(container);
    expect(violations.filter(({ impact }) => impact === 'serious' || impact === 'critical')).toEqual([]);
  });
});
