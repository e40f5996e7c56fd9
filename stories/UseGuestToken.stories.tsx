import { useGuestToken } from '@databrain-embed/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { PREVIEW_TIMEOUT, waitForText } from './support/preview.ts';

/** What a component can read from `useGuestToken()`. */
function TokenPanel() {
  const { status, token, expiresAt, error, isRefreshing, refresh } = useGuestToken();
  const rows: [string, string][] = [
    ['status', status],
    ['token', token ? `${token.slice(0, 8)}…` : 'null'],
    ['expiresAt', expiresAt === null ? 'null' : new Date(expiresAt).toISOString()],
    ['isRefreshing', String(isRefreshing)],
    ['error', error ? error.message : 'null'],
  ];
  return (
    <div>
      <dl
        style={{
          display: 'grid',
          gridTemplateColumns: 'max-content 1fr',
          gap: '4px 12px',
          margin: '0 0 8px',
        }}
      >
        {rows.map(([name, value]) => (
          <div key={name} style={{ display: 'contents' }}>
            <dt style={{ color: '#6b7280' }}>{name}</dt>
            <dd style={{ margin: 0 }} data-testid={`hook-${name}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={() => void refresh()}>
        refresh()
      </button>
    </div>
  );
}

/**
 * `useGuestToken()` gives any component under the provider the token state:
 * `status` (`loading`, `ready`, `error`), the token, when it expires, the
 * last error, whether a refresh is under way, and `refresh()`. Use it to
 * build your own loading and error UI, or to pass the token elsewhere. The
 * provider here is the addon's; `parameters.databrain.endpoint` makes its
 * token endpoint slow or failing for a story.
 */
const meta = {
  title: 'Token/useGuestToken',
  component: TokenPanel,
  parameters: { databrain: { persona: 'acme-viewer' } },
} satisfies Meta<typeof TokenPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

/** `ready` with a one-hour token; `refresh()` fetches a new one while the old one stays usable. */
export const Ready: Story = {
  play: async ({ canvas, canvasElement }) => {
    await waitForText(canvasElement, 'hook-status', 'ready');
    const first = canvas.getByTestId('hook-token').textContent;
    await expect(first).toMatch(/^.{8}…$/);
    const expiresAt = Date.parse(canvas.getByTestId('hook-expiresAt').textContent ?? '');
    await expect(expiresAt - Date.now()).toBeGreaterThan(55 * 60 * 1000);
    await expect(canvas.getByTestId('hook-error')).toHaveTextContent('null');

    await userEvent.click(canvas.getByRole('button', { name: 'refresh()' }));
    await waitFor(() => expect(canvas.getByTestId('hook-token').textContent).not.toBe(first), {
      timeout: PREVIEW_TIMEOUT,
    });
    await expect(canvas.getByTestId('hook-status')).toHaveTextContent('ready');
    await expect(canvas.getByTestId('hook-isRefreshing')).toHaveTextContent('false');
  },
};

/** `loading` while the first token is on its way (this backend takes 4 s). */
export const Loading: Story = {
  parameters: { databrain: { endpoint: { delayMs: 4_000 } } },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByTestId('hook-status')).toHaveTextContent('loading');
    await expect(canvas.getByTestId('hook-token')).toHaveTextContent('null');
    await waitForText(canvasElement, 'hook-status', 'ready');
  },
};

/** `error` with the reason when the token endpoint fails; no token is handed out. */
export const Failed: Story = {
  parameters: { databrain: { endpoint: { status: 503 } } },
  play: async ({ canvas, canvasElement }) => {
    await waitForText(canvasElement, 'hook-status', 'error');
    await expect(canvas.getByTestId('hook-error')).toHaveTextContent('answered HTTP 503');
    await expect(canvas.getByTestId('hook-token')).toHaveTextContent('null');
  },
};
