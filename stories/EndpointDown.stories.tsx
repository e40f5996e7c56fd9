import {
  Dashboard,
  DatabrainError,
  DatabrainProvider,
  type ErrorFallbackProps,
  type FetchToken,
} from '@databrain-embed/react';
import { databrainTokenUrl } from '@databrain-embed/storybook';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useRef, useState } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import { field, findReadyPreview, PREVIEW_TIMEOUT, waitForText } from './support/preview.ts';

interface EndpointDownStoryProps {
  /** Render your own error view (`errorFallback`) instead of the default one. */
  customErrorFallback: boolean;
}

function OwnErrorView({ error, retry }: ErrorFallbackProps) {
  return (
    <div
      role="alert"
      style={{ border: '1px solid #fecaca', background: '#fef2f2', borderRadius: 8, padding: 12 }}
    >
      <strong>Analytics are unavailable right now.</strong>
      <p style={{ margin: '6px 0', color: '#7f1d1d' }}>{error.message}</p>
      <button type="button" onClick={retry}>
        Try again
      </button>
    </div>
  );
}

/**
 * The addon's token endpoint, answering HTTP 503 while `down` says so
 * (`databrainTokenUrl({ status: 503 })`), as a backend in an outage would.
 * One function for the provider's whole life, so bringing the endpoint back
 * changes no token session: Retry (or the provider's own retry) recovers.
 */
function useSwitchableEndpoint(): { down: boolean; restore: () => void; fetchToken: FetchToken } {
  const [down, setDown] = useState(true);
  const isDown = useRef(true);
  const [fetchToken] = useState(() => {
    const fromEndpoint: FetchToken = async (signal) => {
      const url = databrainTokenUrl({ persona: 'acme-viewer', ...(isDown.current ? { status: 503 } : {}) });
      const response = await fetch(url, { method: 'POST', body: '{}', signal });
      // The error `tokenEndpoint` gives for the same answer.
      if (!response.ok)
        throw new DatabrainError('TOKEN_HTTP', `POST ${url} answered HTTP ${response.status}.`);
      return response.json();
    };
    return fromEndpoint;
  });
  const restore = () => {
    isDown.current = false;
    setDown(false);
  };
  return { down, restore, fetchToken };
}

function EndpointDownStory({ customErrorFallback }: EndpointDownStoryProps) {
  const { down, restore, fetchToken } = useSwitchableEndpoint();
  return (
    <div style={{ display: 'grid', gap: 12 }}>
      <p style={{ margin: 0 }}>
        Token endpoint: <strong data-testid="endpoint-state">{down ? 'down (HTTP 503)' : 'back up'}</strong>{' '}
        <button type="button" onClick={restore} disabled={!down}>
          Bring the endpoint back
        </button>
      </p>
      <DatabrainProvider fetchToken={fetchToken}>
        <Dashboard
          dashboardId="sales-overview"
          {...(customErrorFallback ? { errorFallback: OwnErrorView } : {})}
        />
      </DatabrainProvider>
    </div>
  );
}

/**
 * When the app's token endpoint fails, each embed shows an error view with a
 * retry; the provider also retries by itself with a growing delay (1 s, 2 s,
 * 4 s … up to 30 s). Here the addon's token endpoint answers 503 for this
 * story until you press "Bring the endpoint back"; then Retry (or the next
 * automatic retry) loads the dashboard.
 */
const meta = {
  title: 'Token/Endpoint down',
  component: EndpointDownStory,
  args: { customErrorFallback: false },
  // The story renders its own provider, to switch its endpoint on and off.
  parameters: { databrain: { provider: false } },
} satisfies Meta<typeof EndpointDownStory>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The error view, once the first token request has failed. */
function findAlert(canvasElement: HTMLElement): Promise<HTMLElement> {
  return within(canvasElement).findByRole('alert', {}, { timeout: PREVIEW_TIMEOUT });
}

/** The default error view is shown, and no dashboard. */
async function expectDefaultErrorView(canvasElement: HTMLElement): Promise<void> {
  await expect(await findAlert(canvasElement)).toHaveTextContent('The dashboard could not be loaded.');
  await expect(canvasElement.querySelector('dbn-dashboard')).toBeNull();
}

/**
 * Brings the endpoint back, presses the error view's retry button unless the
 * provider's own retry got there first, and returns the dashboard once ready.
 */
async function bringEndpointBack(canvasElement: HTMLElement, retryName: string): Promise<HTMLElement> {
  const canvas = within(canvasElement);
  await userEvent.click(canvas.getByRole('button', { name: 'Bring the endpoint back' }));
  await waitForText(canvasElement, 'endpoint-state', 'back up');
  const retry = canvas.queryByRole('button', { name: retryName });
  if (retry) await userEvent.click(retry);
  const dashboard = await findReadyPreview(canvasElement);
  await expect(canvas.queryByRole('alert')).toBeNull();
  return dashboard;
}

/** While the endpoint stays down, the default error view stays: a message and a Retry button. */
export const StillDown: Story = {
  play: async ({ canvas, canvasElement }) => {
    await expectDefaultErrorView(canvasElement);
    await expect(canvas.getByRole('button', { name: 'Retry' })).toBeVisible();
    await expect(canvas.getByTestId('endpoint-state')).toHaveTextContent('down (HTTP 503)');
  },
};

/** Once the endpoint is back, Retry (or the next automatic retry) loads the dashboard. */
export const Recovers: Story = {
  play: async ({ canvasElement }) => {
    await expectDefaultErrorView(canvasElement);
    const dashboard = await bringEndpointBack(canvasElement, 'Retry');
    await expect(field(dashboard, 'client')).toBe('acme');
  },
};

/** `errorFallback` receives the error and `retry`. */
export const CustomErrorView: Story = {
  args: { customErrorFallback: true },
  play: async ({ canvas, canvasElement }) => {
    const alert = await findAlert(canvasElement);
    await expect(alert).toHaveTextContent('Analytics are unavailable right now.');
    await expect(alert).toHaveTextContent('answered HTTP 503');

    // Retrying while the endpoint is still down keeps the error view.
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await expect(await findAlert(canvasElement)).toHaveTextContent('HTTP 503');

    await bringEndpointBack(canvasElement, 'Try again');
  },
};
