import { describePermissions } from '@databrain-embed/emulator/elements';
import { Dashboard } from '@databrain-embed/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { ANALYST_PERMISSIONS, EDITOR_PERMISSIONS, VIEWER_PERMISSIONS } from '../.storybook/databrain.ts';
import { field, findReadyPreview } from './support/preview.ts';

function PermissionsStory() {
  return <Dashboard dashboardId="sales-overview" />;
}

/**
 * Permissions are part of the guest token, decided by your backend in
 * `authorize` for the signed-in user; the browser cannot ask for more. Each
 * story here pins a persona of `.storybook/databrain.ts`
 * (`parameters.databrain.persona`), whose permissions the addon's token
 * endpoint grants, as your backend would:
 *
 * ```ts
 * authorize: async (request) => {
 *   const user = await currentUser(request);
 *   return { clientId: user.tenantId, permissions: user.isAnalyst
 *     ? { isEnableDownloadMetrics: true, isEnableUnderlyingData: true }
 *     : { isEnableDownloadMetrics: false, isEnableUnderlyingData: false } };
 * },
 * ```
 */
const meta = {
  title: 'Embedding/Permissions',
  component: PermissionsStory,
} satisfies Meta<typeof PermissionsStory>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Sees the dashboard; cannot download, drill into rows, or change anything. */
export const ReadOnlyViewer: Story = {
  parameters: { databrain: { persona: 'acme-viewer' } },
  play: async ({ canvasElement }) => {
    const dashboard = await findReadyPreview(canvasElement);
    await expect(field(dashboard, 'permissions')).toBe(describePermissions(VIEWER_PERMISSIONS));
    await expect(field(dashboard, 'permissions')).toMatch(/denied: .*isEnableDownloadMetrics/);
  },
};

/** May download metric data and see the rows behind a chart, but not edit. */
export const Analyst: Story = {
  parameters: { databrain: { persona: 'acme-analyst' } },
  play: async ({ canvasElement }) => {
    const dashboard = await findReadyPreview(canvasElement);
    const text = field(dashboard, 'permissions');
    await expect(text).toBe(describePermissions(ANALYST_PERMISSIONS));
    await expect(text).toMatch(/^granted: isEnableUnderlyingData, isEnableDownloadMetrics,/);
    await expect(text).toMatch(/denied: .*isEnableCustomizeLayout/);
  },
};

/** Full editor: create, update and archive metrics, customise the layout, download everything. */
export const Editor: Story = {
  parameters: { databrain: { persona: 'acme-editor' } },
  play: async ({ canvasElement }) => {
    const dashboard = await findReadyPreview(canvasElement);
    await expect(field(dashboard, 'permissions')).toBe(describePermissions(EDITOR_PERMISSIONS));
    await expect(field(dashboard, 'permissions')).toMatch(/denied: —$/);
  },
};

/**
 * A story can change its persona's token without a new persona:
 * `parameters.databrain.token` merges permissions (and params) over the
 * persona's and may set another lifetime. Here Acme's viewer may download.
 */
export const ViewerWhoMayDownload: Story = {
  parameters: {
    databrain: { persona: 'acme-viewer', token: { permissions: { isEnableDownloadMetrics: true } } },
  },
  play: async ({ canvasElement }) => {
    const dashboard = await findReadyPreview(canvasElement);
    await expect(field(dashboard, 'permissions')).toBe(
      describePermissions({ ...VIEWER_PERMISSIONS, isEnableDownloadMetrics: true }),
    );
    await expect(field(dashboard, 'client')).toBe('acme');
  },
};
