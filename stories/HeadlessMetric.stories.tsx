import { DatabrainProvider } from '@databrain-embed/react';
import { useMetricData } from '@databrain-embed/react/data';
import { databrainDataUrl, databrainTokenUrl } from '@databrain-embed/storybook';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import databrain, { type PersonaName } from '../.storybook/databrain.ts';
import { PREVIEW_TIMEOUT, waitForText } from './support/preview.ts';
import { type Bar, formatAmount, RevenueChart } from './support/RevenueChart.tsx';

const USERS = [
  'acme-viewer',
  'globex-na-manager',
  'initech-viewer',
] as const satisfies readonly PersonaName[];
const PRODUCTS = ['All', 'Analytics', 'Reports', 'Alerts'] as const;

type Sale = { region: string; product: string; amount: number };

/** Revenue per region, largest first: what the chart draws from the rows. */
function barsOf(rows: readonly Sale[]): Bar[] {
  const byRegion = new Map<string, number>();
  for (const row of rows) byRegion.set(row.region, (byRegion.get(row.region) ?? 0) + row.amount);
  return [...byRegion].map(([label, value]) => ({ label, value })).sort((a, b) => b.value - a.value);
}

/** The headless metric: a KPI and a chart of the story's own, from the rows alone. */
function RevenueByRegion({ product }: { product: (typeof PRODUCTS)[number] }) {
  const { rows, error, isLoading, mutate } = useMetricData<Sale>({
    metricId: 'revenue-by-region',
    ...(product === 'All' ? {} : { filters: { product } }),
  });
  if (error && !rows) {
    return (
      <div
        role="alert"
        style={{ border: '1px solid #fecaca', background: '#fef2f2', borderRadius: 8, padding: 12 }}
      >
        <strong>Revenue is unavailable right now.</strong>
        <p style={{ margin: '6px 0', color: '#7f1d1d' }}>{error.message}</p>
        <button type="button" onClick={() => void mutate()}>
          Try again
        </button>
      </div>
    );
  }
  if (!rows) return <p role="status">Loading revenue…</p>;
  const total = rows.reduce((sum, row) => sum + row.amount, 0);
  return (
    <section aria-busy={isLoading} aria-label="Revenue" style={{ opacity: isLoading ? 0.6 : 1 }}>
      <p style={{ margin: '0 0 8px' }}>
        Revenue <strong data-testid="kpi-total">{formatAmount(total)}</strong> from{' '}
        <span data-testid="row-count">{rows.length}</span> rows
      </p>
      <RevenueChart title="Revenue by region" bars={barsOf(rows)} />
    </section>
  );
}

interface HeadlessMetricStoryProps {
  /** The product filter the user chose; the select in the story changes it too. */
  product: (typeof PRODUCTS)[number];
}

/** The product select and the headless metric, under the addon's provider (the story's persona). */
function HeadlessMetricStory({ product }: HeadlessMetricStoryProps) {
  const [chosen, setChosen] = useState(product);
  // The Controls panel changes the arg; the select changes the state.
  useEffect(() => setChosen(product), [product]);
  return (
    <div style={{ display: 'grid', gap: 12 }}>
      <label>
        Product{' '}
        <select value={chosen} onChange={(event) => setChosen(event.target.value as typeof chosen)}>
          {PRODUCTS.map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
      </label>
      <RevenueByRegion product={chosen} />
    </div>
  );
}

/**
 * An app's sign-in: its own provider with both of the addon's endpoints for
 * the signed-in user, one scope per user, so switching drops the old user's
 * rows at once.
 */
function SignInSwitcher() {
  const [user, setUser] = useState<(typeof USERS)[number]>('acme-viewer');
  return (
    <div style={{ display: 'grid', gap: 12 }}>
      <fieldset style={{ display: 'flex', gap: 8, border: 0, padding: 0, margin: 0 }}>
        <legend style={{ marginBottom: 4 }}>Signed-in user</legend>
        {USERS.map((name) => (
          <button key={name} type="button" aria-pressed={user === name} onClick={() => setUser(name)}>
            {databrain.personas[name].label}
          </button>
        ))}
      </fieldset>
      <DatabrainProvider
        tokenEndpoint={databrainTokenUrl({ persona: user })}
        dataEndpoint={databrainDataUrl({ persona: user })}
        scope={user}
      >
        <RevenueByRegion product="All" />
      </DatabrainProvider>
    </div>
  );
}

/**
 * The addon's endpoints down (the story's `endpoint` parameter), with a
 * button that brings them back as a recovered backend would: a provider of
 * the story's own over the endpoints without the failure, for the same
 * persona.
 */
function OutageStory() {
  const [down, setDown] = useState(true);
  return (
    <div style={{ display: 'grid', gap: 12 }}>
      <p style={{ margin: 0 }}>
        Data endpoint: <strong data-testid="endpoint-state">{down ? 'down (HTTP 503)' : 'back up'}</strong>{' '}
        <button type="button" onClick={() => setDown(false)} disabled={!down}>
          Bring the endpoint back
        </button>
      </p>
      {down ? (
        <RevenueByRegion product="All" />
      ) : (
        <DatabrainProvider
          tokenEndpoint={databrainTokenUrl()}
          dataEndpoint={databrainDataUrl()}
          scope="back-up"
        >
          <RevenueByRegion product="All" />
        </DatabrainProvider>
      )}
    </div>
  );
}

/**
 * A metric's rows in your own design: `useMetricData` from
 * `@databrain-embed/react/data` asks the metric-data endpoint
 * (`createMetricDataHandler`, served by the Storybook addon beside the token
 * endpoint and passed to its provider as `dataEndpoint`), and the story draws
 * a KPI and a small SVG chart of its own from the rows, no chart library and
 * no DataBrain element. The browser names the metric and the product; the
 * endpoint decides the tenant and, for Globex's North America manager, the
 * region, from the story's persona. Changing the product keeps the old chart
 * (dimmed) until the new rows arrive.
 */
const meta = {
  title: 'Embedding/Headless metric data',
  component: HeadlessMetricStory,
  argTypes: { product: { control: 'inline-radio', options: PRODUCTS } },
  args: { product: 'All' },
  parameters: { databrain: { persona: 'acme-viewer' } },
} satisfies Meta<typeof HeadlessMetricStory>;

export default meta;
type Story = StoryObj<typeof meta>;

const total = (canvasElement: HTMLElement, text: string) =>
  waitForText(canvasElement, 'kpi-total', text, PREVIEW_TIMEOUT);

/** The regions the chart draws, largest first. */
function regionsShown(canvasElement: HTMLElement): string[] {
  return [...canvasElement.querySelectorAll('[data-testid^="bar-"]')].map(
    (bar) => bar.getAttribute('data-testid')?.slice('bar-'.length) ?? '',
  );
}

/** Acme's revenue by region (the persona the meta pins). */
export const Acme: Story = {
  play: async ({ canvas, canvasElement }) => {
    await total(canvasElement, '5,530');
    await expect(regionsShown(canvasElement)).toEqual(['NA', 'EMEA', 'APAC']);
    await expect(canvas.getByRole('img')).toHaveAccessibleName(
      'Revenue by region: NA 3,100, EMEA 1,650, APAC 780',
    );
  },
};

/** Globex's North America manager: the persona's region filter holds, whatever the browser asks. */
export const GlobexNorthAmerica: Story = {
  parameters: { databrain: { persona: 'globex-na-manager' } },
  play: async ({ canvasElement }) => {
    await total(canvasElement, '3,850');
    await expect(regionsShown(canvasElement)).toEqual(['NA']);
  },
};

/** Switching the signed-in user in place shows the next tenant's figures, never the previous one's. */
export const SwitchingTenants: Story = {
  parameters: { databrain: { provider: false } },
  render: () => <SignInSwitcher />,
  play: async ({ canvas, canvasElement }) => {
    await total(canvasElement, '5,530');
    await expect(regionsShown(canvasElement)).toEqual(['NA', 'EMEA', 'APAC']);

    await userEvent.click(canvas.getByRole('button', { name: /Globex manager/ }));
    await total(canvasElement, '3,850');
    await expect(regionsShown(canvasElement)).toEqual(['NA']);

    await userEvent.click(canvas.getByRole('button', { name: /Initech/ }));
    await total(canvasElement, '8,790');
    await expect(regionsShown(canvasElement)).toEqual(['NA', 'APAC', 'EMEA']);
  },
};

/** The product filter from the Controls panel, then from the story's own select. */
export const FilterFromControls: Story = {
  args: { product: 'Analytics' },
  play: async ({ canvas, canvasElement }) => {
    await total(canvasElement, '4,300');
    await expect(regionsShown(canvasElement)).toEqual(['NA', 'EMEA']);
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Product' }), 'Reports');
    await total(canvasElement, '450');
    await expect(canvas.getByTestId('row-count')).toHaveTextContent('1');
    await waitFor(() =>
      expect(canvas.getByRole('region', { name: 'Revenue' })).toHaveAttribute('aria-busy', 'false'),
    );
  },
};

/**
 * The data endpoint answers 503 (`parameters.databrain.endpoint`), so the
 * story's error view shows; once the endpoint is back, the rows do.
 */
export const EndpointDown: Story = {
  parameters: { databrain: { endpoint: { status: 503 } } },
  render: () => <OutageStory />,
  play: async ({ canvas, canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert', {}, { timeout: PREVIEW_TIMEOUT });
    await expect(alert).toHaveTextContent('Revenue is unavailable right now.');
    await expect(alert).toHaveTextContent('answered HTTP 503 (UPSTREAM_BUSY');
    await userEvent.click(canvas.getByRole('button', { name: 'Bring the endpoint back' }));
    await waitForText(canvasElement, 'endpoint-state', 'back up');
    await total(canvasElement, '5,530');
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};
