import { Dashboard, DatabrainProvider, useTokenSession } from '@databrain-embed/react';
import { databrainTokenUrl } from '@databrain-embed/storybook';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ReactElement, type ReactNode, useEffect, useState } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { field, findReadyPreview, PREVIEW_TIMEOUT } from './support/preview.ts';
import { newSession } from './support/session.ts';

/**
 * A provider as an app has it, for the 15-second persona. `session` goes in
 * the scope, so only the sessions of one rendering share a token (not the
 * tabs of earlier test runs).
 */
function ShortLivedProvider({ session, children }: { session: string; children: ReactNode }): ReactElement {
  return (
    <DatabrainProvider
      tokenEndpoint={databrainTokenUrl({ persona: 'acme-short-lived' })}
      scope={`acme-short-lived:${session}`}
    >
      {children}
    </DatabrainProvider>
  );
}

const STORY_ID = 'token-session-across-tabs--one-tab';

/** What `useTokenSession()` says about the token of the provider above, ticking once a second. */
function SessionPanel({ label }: { label: string }): ReactElement {
  const { status, receivedFrom, refreshAt, requests, sharedAcrossTabs } = useTokenSession();
  const [, setTicks] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTicks((ticks) => ticks + 1), 1_000);
    return () => clearInterval(timer);
  }, []);
  const nextRefresh =
    refreshAt === null ? 'none planned' : `in ${Math.max(0, Math.ceil((refreshAt - Date.now()) / 1000))}s`;
  return (
    <section
      aria-label={label}
      style={{ border: '1px solid #d1d5db', borderRadius: 8, padding: '8px 12px', marginBottom: 8 }}
    >
      <h3 style={{ margin: '0 0 4px', fontSize: 14 }}>{label}</h3>
      <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '2px 12px', margin: 0 }}>
        <dt>status</dt>
        <dd data-testid="status">{status}</dd>
        <dt>token from</dt>
        <dd data-testid="origin">
          {receivedFrom === null ? 'no token yet' : receivedFrom === 'this-tab' ? 'this tab' : 'another tab'}
        </dd>
        <dt>next refresh</dt>
        <dd data-testid="next-refresh">{nextRefresh}</dd>
        <dt>requests by this tab</dt>
        <dd data-testid="requests">{requests}</dd>
        <dt>sharing across tabs</dt>
        <dd data-testid="sharing">{sharedAcrossTabs ? 'on' : 'off'}</dd>
      </dl>
    </section>
  );
}

function HowToWatch(): ReactElement {
  const url =
    typeof window === 'undefined'
      ? `/iframe.html?id=${STORY_ID}&viewMode=story`
      : `${window.location.origin}/iframe.html?id=${STORY_ID}&viewMode=story`;
  return (
    <p style={{ maxWidth: 640 }}>
      Open <a href={url}>{url}</a> in two tabs of this browser. The first tab asks the token endpoint
      (&ldquo;token from: this tab&rdquo;); the second finds that token on a BroadcastChannel and shows
      &ldquo;another tab&rdquo; with 0 requests. Every 12 seconds one tab, the one that gets the Web Lock,
      fetches the next token and hands it to the other. Close either tab: the other carries on alone.
    </p>
  );
}

/** One provider as an app has it, with the session panel above its dashboard. */
function OneTabStory(): ReactElement {
  const [session] = useState(newSession);
  return (
    <ShortLivedProvider session={session}>
      <HowToWatch />
      <SessionPanel label="This tab" />
      <Dashboard dashboardId="sales-overview" />
    </ShortLivedProvider>
  );
}

/**
 * Two providers for the same user and endpoint in one page: they find each
 * other exactly as two tabs do (Web Locks and BroadcastChannel are per
 * origin), so the second one opened takes the first one's token.
 */
function TwoSessionsStory(): ReactElement {
  const [session] = useState(newSession);
  const [secondOpen, setSecondOpen] = useState(false);
  return (
    <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 12 }}>
      <div data-testid="first">
        <ShortLivedProvider session={session}>
          <SessionPanel label="First session" />
          <Dashboard dashboardId="sales-overview" />
        </ShortLivedProvider>
      </div>
      <div data-testid="second">
        {secondOpen ? (
          <ShortLivedProvider session={session}>
            <SessionPanel label="Second session" />
            <Dashboard dashboardId="sales-overview" />
          </ShortLivedProvider>
        ) : (
          <button type="button" onClick={() => setSecondOpen(true)}>
            Open a second session
          </button>
        )}
      </div>
    </div>
  );
}

/**
 * The token session behind `<DatabrainProvider>`, as `useTokenSession()`
 * shows it: where the token came from, when the next refresh is due, and how
 * many requests this tab made. Tabs of one origin with the same token
 * endpoint and `scope` share one token; `crossTabKey={false}` turns that off.
 */
const meta = {
  title: 'Token/Session across tabs',
  component: OneTabStory,
  // Its own providers: two of them share one token in the second story.
  parameters: { databrain: { provider: false } },
} satisfies Meta<typeof OneTabStory>;

export default meta;
type Story = StoryObj<typeof meta>;

/** This tab fetched its token itself: one request, sharing on, the next refresh within 15 s. */
export const OneTab: Story = {
  play: async ({ canvas, canvasElement }) => {
    await findReadyPreview(canvasElement);
    const panel = within(canvas.getByRole('region', { name: 'This tab' }));
    await expect(panel.getByTestId('status')).toHaveTextContent('ready');
    await expect(panel.getByTestId('origin')).toHaveTextContent('this tab');
    await expect(panel.getByTestId('requests')).toHaveTextContent('1');
    await expect(panel.getByTestId('sharing')).toHaveTextContent('on');
    await expect(panel.getByTestId('next-refresh')).toHaveTextContent(/^in ([0-9]|1[0-5])s$/);
    await expect(canvas.getByRole('link')).toHaveAttribute('href', expect.stringContaining(STORY_ID));
  },
};

/** A second session opened later takes the first one's token, with no request of its own. */
export const SecondSessionTakesTheToken: Story = {
  render: () => <TwoSessionsStory />,
  play: async ({ canvas, canvasElement, userEvent }) => {
    const first = await findReadyPreview(within(canvasElement).getByTestId('first'));
    await userEvent.click(canvas.getByRole('button', { name: 'Open a second session' }));
    const second = await findReadyPreview(within(canvasElement).getByTestId('second'));
    const panel = within(canvas.getByRole('region', { name: 'Second session' }));
    await waitFor(() => expect(panel.getByTestId('origin')).toHaveTextContent('another tab'), {
      timeout: PREVIEW_TIMEOUT,
    });
    await expect(panel.getByTestId('requests')).toHaveTextContent('0');
    await expect(field(second, 'token')).toBe(field(first, 'token'));
    const firstPanel = within(canvas.getByRole('region', { name: 'First session' }));
    await expect(firstPanel.getByTestId('requests')).toHaveTextContent('1');
  },
};
