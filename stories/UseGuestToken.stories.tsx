import { useGuestToken } from '@databrain-embed/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { PersonaName } from '../.storybook/personas.ts';
import { PREVIEW_TIMEOUT, waitForText } from './support/preview.ts';
import { StoryDatabrain } from './support/StoryDatabrain.tsx';
import { newSession } from './support/session.ts';

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

const USERS = ['acme-viewer', 'acme-slow', 'acme-outage'] as const satisfies readonly PersonaName[];

interface UseGuestTokenStoryProps {
  user: (typeof USERS)[number];
}

function UseGuestTokenStory({ user }: UseGuestTokenStoryProps) {
  const [session] = useState(newSession);
  return (
    <StoryDatabrain user={user} session={session}>
      <TokenPanel />
    </StoryDatabrain>
  );
}

/**
 * `useGuestToken()` gives any component under the provider the token state:
 * `status` (`loading`, `ready`, `error`), the token, when it expires, the
 * last error, whether a refresh is under way, and `refresh()`. Use it to
 * build your own loading and error UI, or to pass the token elsewhere.
 */
const meta = {
  title: 'Token/useGuestToken',
  component: UseGuestTokenStory,
  argTypes: { user: { control: 'inline-radio', options: USERS } },
} satisfies Meta<typeof UseGuestTokenStory>;

export default meta;
type Story = StoryObj<typeof meta>;

/** `ready` with a one-hour token; `refresh()` fetches a new one while the old one stays usable. */
export const Ready: Story = {
  args: { user: 'acme-viewer' },
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
  args: { user: 'acme-slow' },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByTestId('hook-status')).toHaveTextContent('loading');
    await expect(canvas.getByTestId('hook-token')).toHaveTextContent('null');
    await waitForText(canvasElement, 'hook-status', 'ready');
  },
};

/** `error` with the reason when the token endpoint fails; no token is handed out. */
export const Failed: Story = {
  args: { user: 'acme-outage' },
  play: async ({ canvas, canvasElement }) => {
    await waitForText(canvasElement, 'hook-status', 'error');
    await expect(canvas.getByTestId('hook-error')).toHaveTextContent('answered HTTP 503');
    await expect(canvas.getByTestId('hook-token')).toHaveTextContent('null');
  },
};
