// src/Orders.stories.tsx
import { Dashboard } from '@databrain-embed/react';
import type { Meta, StoryObj } from '@storybook/react-vite';

const meta = {
  title: 'Analytics/Orders',
  component: Dashboard,
  args: { dashboardId: 'orders' },
} satisfies Meta<typeof Dashboard>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The persona of the toolbar. */
export const Orders: Story = {};

/** Always Globex's editor, whatever the toolbar says. */
export const GlobexEditor: Story = {
  parameters: { databrain: { persona: 'globex-editor' } },
};
