import { Dashboard, DatabrainProvider, Metric } from '@databrain-embed/react';
import { databrainTokenUrl } from '@databrain-embed/storybook';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, waitFor } from 'storybook/test';
import databrain, { type PersonaName } from '../.storybook/databrain.ts';
import {
  columnShown,
  expectOnly,
  field,
  findElement,
  findReadyPreview,
  PREVIEW_TIMEOUT,
  tenantsShown,
} from './support/preview.ts';

const USERS = [
  'acme-viewer',
  'globex-na-manager',
  'initech-viewer',
] as const satisfies readonly PersonaName[];
type TenantUser = (typeof USERS)[number];

interface TenantsStoryProps {
  /** Who is signed in first; the buttons switch user as a new sign-in would. */
  initialUser: TenantUser;
}

function TenantsStory({ initialUser }: TenantsStoryProps) {
  const [user, setUser] = useState<TenantUser>(initialUser);
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
      {/* As an app does: its own token endpoint, one token per signed-in user (`scope`). */}
      <DatabrainProvider tokenEndpoint={databrainTokenUrl({ persona: user })} scope={user}>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'flex-start' }}>
          <Dashboard dashboardId="sales-overview" />
          <Metric metricId="revenue" width={420} />
        </div>
      </DatabrainProvider>
    </div>
  );
}

/**
 * Every token is minted for one tenant (`clientId`), so DataBrain only ever
 * returns that tenant's rows; `appFilters` (per metric) and
 * `dashboardAppFilters` (per dashboard) narrow them further. Both are decided
 * by the backend for the signed-in user. Switching user changes the token
 * (`scope` on the provider drops the old one at once), and with it what the
 * embeds show. This story renders its own provider, as an app does, with
 * buttons for a sign-in; the Persona toolbar does the same for every story
 * that leaves the provider to the addon.
 */
const meta = {
  title: 'Embedding/Tenants and row filters',
  component: TenantsStory,
  argTypes: { initialUser: { control: 'inline-radio', options: USERS } },
  args: { initialUser: 'acme-viewer' },
  parameters: { databrain: { provider: false } },
} satisfies Meta<typeof TenantsStory>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Acme sees Acme's rows; signing in as Globex's North America manager shows only Globex's NA rows. */
export const SwitchingUser: Story = {
  play: async ({ canvas, canvasElement }) => {
    const dashboard = await findReadyPreview(canvasElement, 'dbn-dashboard');
    const metric = await findReadyPreview(canvasElement, 'dbn-metric');
    await expect(field(dashboard, 'client')).toBe('acme');
    await expectOnly(tenantsShown(dashboard), 'acme');
    await expectOnly(tenantsShown(metric), 'acme');
    await expect(field(metric, 'filters')).toBe('no filters');

    await userEvent.click(canvas.getByRole('button', { name: /Globex manager/ }));
    await waitFor(
      async () => {
        const next = await findElement(canvasElement, 'dbn-metric');
        await expect(field(next, 'client')).toBe('globex');
        await expect(field(next, 'status')).toBe('ready');
      },
      { timeout: PREVIEW_TIMEOUT },
    );
    const globexMetric = await findReadyPreview(canvasElement, 'dbn-metric');
    const globexDashboard = await findReadyPreview(canvasElement, 'dbn-dashboard');
    await expectOnly(tenantsShown(globexMetric), 'globex');
    await expectOnly(columnShown(globexMetric, 'region'), 'NA');
    await expect(field(globexMetric, 'filters')).toBe('appFilters · region = "NA" (applied)');
    await expectOnly(columnShown(globexDashboard, 'region'), 'NA');
    await expect(field(globexDashboard, 'filters')).toBe('dashboardAppFilters · region = "NA" (applied)');
  },
};

/** Initech has no extra filters: every Initech row, and nothing of the other tenants. */
export const Initech: Story = {
  args: { initialUser: 'initech-viewer' },
  play: async ({ canvasElement }) => {
    const dashboard = await findReadyPreview(canvasElement);
    await expect(field(dashboard, 'client')).toBe('initech');
    await expectOnly(tenantsShown(dashboard), 'initech');
  },
};
