import { cleanup, render, screen } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { LoadingView } from './LoadingView.tsx';

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
