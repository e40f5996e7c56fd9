import { describePermissions } from '@databrain-embed/emulator/elements';
import { Dashboard } from '@databrain-embed/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import {
  ANALYST_PERMISSIONS,
  EDITOR_PERMISSIONS,
  type PersonaName,
  VIEWER_PERMISSIONS,
} from '../.storybook/personas.ts';
import { field, findReadyPreview } from './support/preview.ts';
import { StoryDatabrain } from './support/StoryDatabrain.tsx';

const USERS = ['acme-viewer', 'acme-analyst', 'acme-editor'] as const satisfies readonly PersonaName[];

interface PermissionsStoryProps {
  /** Who is signed in; the backend grants their permissions into the token. */
  user: (typeof USERS)[number];
}

function PermissionsStory({ user }: PermissionsStoryProps) {
  return (
    <StoryDatabrain user={user}>
      <Dashboard dashboardId="sales-overview" />
    </StoryDatabrain>
  );
}

/**
 * Permissions are part of the guest token, decided by your backend in
 * `authorize` for the signed-in user; the browser cannot ask for more. The
 * story backend grants each persona a fixed set (`.storybook/personas.ts`):
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
  argTypes: { user: { control: 'inline-radio', options: USERS } },
} satisfies Meta<typeof PermissionsStory>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Sees the dashboard; cannot download, drill into rows, or change anything. */
export const ReadOnlyViewer: Story = {
  args: { user: 'acme-viewer' },
  play: async ({ canvasElement }) => {
    const dashboard = await findReadyPreview(canvasElement);
    await expect(field(dashboard, 'permissions')).toBe(describePermissions(VIEWER_PERMISSIONS));
    await expect(field(dashboard, 'permissions')).toMatch(/denied: .*isEnableDownloadMetrics/);
  },
};

/** May download metric data and see the rows behind a chart, but not edit. */
export const Analyst: Story = {
  args: { user: 'acme-analyst' },
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
  args: { user: 'acme-editor' },
  play: async ({ canvasElement }) => {
    const dashboard = await findReadyPreview(canvasElement);
    await expect(field(dashboard, 'permissions')).toBe(describePermissions(EDITOR_PERMISSIONS));
    await expect(field(dashboard, 'permissions')).toMatch(/denied: —$/);
  },
};
