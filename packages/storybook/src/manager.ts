// The manager side of the addon, which Storybook loads as `@databrain-embed/storybook/manager`:
// the "DataBrain" panel, fed by the preview over the channel. Elements are made with the
// manager's own React (see DatabrainPanel.ts).
import { createElement as h, useSyncExternalStore } from 'react';
import { AddonPanel } from 'storybook/internal/components';
import { addons, types, useStorybookState } from 'storybook/manager-api';
import { DatabrainPanel } from './DatabrainPanel.ts';
import { ADDON_ID, type DatabrainPanelState, PANEL_EVENTS, PANEL_ID } from './DatabrainPanelState.ts';

type AddonPanelProps = Parameters<typeof AddonPanel>[0];

// The latest state from the preview, kept from registration on, so a panel opened late has it.
let latest: DatabrainPanelState | null = null;
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

function CurrentStoryPanel() {
  const state = useSyncExternalStore(subscribe, () => latest);
  const { storyId } = useStorybookState();
  return h(DatabrainPanel, { state: state?.storyId === storyId ? state : null });
}

addons.register(ADDON_ID, (api) => {
  api.on(PANEL_EVENTS.state, (state: DatabrainPanelState) => {
    latest = state;
    for (const listener of listeners) listener();
  });
  // A manager that (re)loads after the preview asks it to say again where things stand.
  api.emit(PANEL_EVENTS.requestState);
  addons.add(PANEL_ID, {
    type: types.PANEL,
    title: 'DataBrain',
    // AddonPanel's props type requires `children`; createElement's third argument fills it at run time.
    render: ({ active }) =>
      h(AddonPanel, { active: active ?? false } as AddonPanelProps, h(CurrentStoryPanel)),
  });
});
