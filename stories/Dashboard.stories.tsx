import { Dashboard, type DashboardProps, DatabrainProvider } from '@databrain-embed/react';
import { DATABRAIN_PERSONA_GLOBAL, DATABRAIN_TOKEN_PATH } from '@databrain-embed/storybook';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import databrain, { type PersonaName } from '../.storybook/databrain.ts';
import { expectOnly, field, findReadyPreview, tenantsShown } from './support/preview.ts';

/**
 * `<Dashboard>` renders a DataBrain dashboard (`<dbn-dashboard>`) with the
 * guest token of the nearest `<DatabrainProvider>`. Here the provider comes
 * from `@databrain-embed/storybook`: it asks the addon's token endpoint, the
 * real `createGuestTokenHandler`, for the persona picked in the toolbar
 * (Persona), and the emulator's preview element shows what the token
 * carries. Switch the persona: the same dashboard shows the other tenant's rows.
 */
const meta = {
  title: 'Embedding/Dashboard',
  component: Dashboard,
  args: { dashboardId: 'sales-overview' },
  argTypes: {
    dashboardId: { control: 'select', options: ['sales-overview', 'customer-health'] },
  },
} satisfies Meta<DashboardProps>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * The whole integration: one provider, one dashboard, a token minted for the
 * persona of the toolbar (Acme's viewer unless you pick another), showing
 * that persona's tenant and no other.
 */
export const Default: Story = {
  play: async ({ canvasElement, globals }) => {
    const persona = databrain.personas[globals[DATABRAIN_PERSONA_GLOBAL] as PersonaName];
    const dashboard = await findReadyPreview(canvasElement);
    await expect(field(dashboard, 'embed')).toBe('sales-overview');
    await expect(field(dashboard, 'client')).toBe(persona.clientId);
    await expect(field(dashboard, 'token')).toMatch(/^.{8}…$/);
    await expect(field(dashboard, 'expiry')).toMatch(/^expires in \d+s$/);
    await expectOnly(tenantsShown(dashboard), persona.clientId);
  },
};

/** Another dashboard of the same data app: only `dashboardId` changes. */
export const CustomerHealth: Story = {
  args: { dashboardId: 'customer-health' },
  play: async ({ canvasElement }) => {
    const dashboard = await findReadyPreview(canvasElement);
    await expect(field(dashboard, 'embed')).toBe('customer-health');
    await expect(canvasElement).toHaveTextContent('Customer health');
  },
};

/** `options` reach the element as an object (a DOM property), never as "[object Object]". */
export const WithOptions: Story = {
  args: {
    options: { disableMetricCreation: true, hideDashboardName: true, tokenExpiryMessage: 'Please reload.' },
  },
  play: async ({ canvasElement }) => {
    const dashboard = await findReadyPreview(canvasElement);
    const shown = JSON.parse(field(dashboard, 'options')) as Record<string, unknown>;
    await expect(shown).toEqual({
      disableMetricCreation: true,
      hideDashboardName: true,
      tokenExpiryMessage: 'Please reload.',
    });
  },
};

/** `className` and `style` go on a wrapping `<div>`, never on the DataBrain element. */
export const Styled: Story = {
  args: { className: 'analytics-card', style: { maxWidth: 520, border: '2px dashed #a5b4fc', padding: 8 } },
  play: async ({ canvasElement }) => {
    const dashboard = await findReadyPreview(canvasElement);
    const wrapper = dashboard.parentElement;
    await expect(wrapper).toHaveClass('analytics-card');
    await expect(wrapper).toHaveStyle({ maxWidth: '520px' });
    await expect(dashboard).not.toHaveAttribute('class');
  },
};

/**
 * A component that renders its own provider, as an app's analytics page
 * does, works unchanged: `parameters.databrain.provider: false` leaves the
 * provider to it, its `tokenEndpoint` is the usual `/api/databrain/token`
 * (`DATABRAIN_TOKEN_PATH`), and the addon answers that request for the
 * story's persona, here pinned to Initech's viewer.
 */
export const OwnProvider: Story = {
  parameters: { databrain: { provider: false, persona: 'initech-viewer' } },
  render: (props) => (
    <DatabrainProvider tokenEndpoint={DATABRAIN_TOKEN_PATH}>
      <Dashboard {...props} />
    </DatabrainProvider>
  ),
  play: async ({ canvasElement }) => {
    const dashboard = await findReadyPreview(canvasElement);
    await expect(field(dashboard, 'client')).toBe('initech');
    await expectOnly(tenantsShown(dashboard), 'initech');
  },
};
