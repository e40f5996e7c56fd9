import { Dashboard } from '@databrain-embed/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { columnShown, expectOnly, findReadyPreview } from './support/preview.ts';

function DashboardFiltersStory() {
  return <Dashboard dashboardId="sales-overview" />;
}

/**
 * Dashboard filters in the token (`params.dashboardAppFilters`) apply to every
 * metric of that dashboard. `isShowOnUrl: false` keeps a filter out of the
 * URL the user sees, and `params.hideDashboardFilters` hides a filter from the
 * dashboard's filter bar; both are still applied. The persona
 * `acme-emea-sales` of `.storybook/databrain.ts` is granted:
 *
 * ```ts
 * params: {
 *   dashboardAppFilters: [
 *     { dashboardId: 'sales-overview', values: { region: 'EMEA' }, isShowOnUrl: false },
 *     { dashboardId: 'sales-overview', values: { product: ['Analytics', 'Reports'] }, isShowOnUrl: true },
 *   ],
 *   hideDashboardFilters: ['region'],
 * }
 * ```
 */
const meta = {
  title: 'Embedding/Dashboard filters',
  component: DashboardFiltersStory,
  parameters: { databrain: { persona: 'acme-emea-sales' } },
} satisfies Meta<typeof DashboardFiltersStory>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Only EMEA rows of two products; the region filter is applied but hidden from the URL and the filter bar. */
export const HiddenAndShownFilters: Story = {
  play: async ({ canvasElement }) => {
    const dashboard = await findReadyPreview(canvasElement);
    const filters = [...within(dashboard).getByTestId('dbn-preview-filters').querySelectorAll('li')].map(
      (item) => item.textContent,
    );
    await expect(filters).toEqual([
      'dashboardAppFilters · region = "EMEA" (applied, hidden from URL)',
      'dashboardAppFilters · product = ["Analytics", "Reports"] (applied, shown on URL)',
      'hidden dashboard filters: region',
    ]);
    await expectOnly(columnShown(dashboard, 'region'), 'EMEA');
    for (const product of columnShown(dashboard, 'product')) {
      await expect(['Analytics', 'Reports']).toContain(product);
    }
  },
};
