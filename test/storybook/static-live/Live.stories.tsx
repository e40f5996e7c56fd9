import { Dashboard } from '@databrain-embed/react';
import type { Meta, StoryObj } from '@storybook/react-vite';

/** One dashboard with the addon's provider: live, its token comes from the team's endpoint. */
const meta = {
  title: 'Live/Dashboard',
  component: Dashboard,
  args: { dashboardId: 'sales-overview' },
} satisfies Meta<typeof Dashboard>;

export default meta;

export const Default: StoryObj<typeof meta> = {};
