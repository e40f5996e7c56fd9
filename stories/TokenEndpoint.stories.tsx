import { databrainTokenUrl } from '@databrain-embed/storybook';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';
import { expect } from 'storybook/test';
import { PERSONA_NAMES, type PersonaName } from '../.storybook/databrain.ts';
import { waitForText } from './support/preview.ts';
import { requestToken } from './support/requestToken.ts';

interface TokenEndpointProps {
  /** The signed-in user, by persona name (`nobody`: signed out); the server decides everything else. */
  user: PersonaName | 'nobody';
}

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

/** Calls the addon's token endpoint as the browser would, and shows its answer. */
function TokenEndpoint({ user }: TokenEndpointProps) {
  const [answer, setAnswer] = useState<Answer>();
  useEffect(() => {
    let cancelled = false;
    setAnswer(undefined);
    requestToken(user)
      .then(async (response) => ({
        status: response.status,
        body: (await response.json()) as Record<string, unknown>,
      }))
      .then((result) => {
        if (!cancelled) setAnswer(result);
      });
    return () => {
      cancelled = true;
    };
  }, [user]);
  if (!answer) return <p>Asking the token endpoint…</p>;
  const shown =
    typeof answer.body.token === 'string'
      ? { ...answer.body, token: `${answer.body.token.slice(0, 8)}…` }
      : answer.body;
  return (
    <figure style={{ margin: 0 }}>
      <figcaption>
        <code>POST {databrainTokenUrl({ persona: user })}</code> answered{' '}
        <strong data-testid="status">{answer.status}</strong>
      </figcaption>
      <pre data-testid="body" style={{ background: '#f3f4f6', padding: 12, borderRadius: 6 }}>
        {JSON.stringify(shown, null, 2)}
      </pre>
    </figure>
  );
}

/**
 * The endpoint the addon's provider calls: in `storybook dev` the real
 * `createGuestTokenHandler` from `@databrain-embed/server`, minting from the
 * emulator (or DataBrain in live mode); in a static build the same contract
 * answered inside the page. The browser names a persona; the endpoint maps it
 * to a tenant, filters, permissions and lifetime from `.storybook/databrain.ts`.
 */
const meta = {
  title: 'Backend/Token endpoint',
  component: TokenEndpoint,
  argTypes: { user: { control: 'select', options: [...PERSONA_NAMES, 'nobody'] } },
  args: { user: 'acme-viewer' },
  parameters: { databrain: { provider: false } },
} satisfies Meta<typeof TokenEndpoint>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A signed-in user gets `{ token, expiresIn }`, the lifetime in milliseconds. */
export const SignedIn: Story = {
  play: async ({ canvas, canvasElement }) => {
    await waitForText(canvasElement, 'status', '200');
    const body = JSON.parse(canvas.getByTestId('body').textContent ?? '{}') as Record<string, unknown>;
    await expect(body.token).toEqual(expect.stringMatching(/^.{8}…$/));
    await expect(body.expiresIn).toBe(3_600_000);
  },
};

/** The 15-second persona gets a 15 000 ms lifetime, decided on the server. */
export const ShortLived: Story = {
  args: { user: 'acme-short-lived' },
  play: async ({ canvas, canvasElement }) => {
    await waitForText(canvasElement, 'status', '200');
    await expect(canvas.getByTestId('body')).toHaveTextContent('"expiresIn": 15000');
  },
};

/** Nobody signed in (a persona the server does not know): 401, no token. */
export const SignedOut: Story = {
  args: { user: 'nobody' },
  play: async ({ canvas, canvasElement }) => {
    await waitForText(canvasElement, 'status', '401');
    await expect(canvas.getByTestId('body')).toHaveTextContent('UNAUTHORIZED');
    await expect(canvas.getByTestId('body')).not.toHaveTextContent('"token"');
  },
};
