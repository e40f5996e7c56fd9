import { DATABRAIN_PERSONA_GLOBAL } from '@databrain-embed/storybook';
import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite';
import { Analytics, AnalyticsProvider } from './Analytics.tsx';

/**
 * The signed-in user of a story: its pinned persona, else the toolbar's.
 * It is the page's `userId`, the provider's `scope`: a new persona gets a
 * new token, and the embeds show its rows in place.
 */
function signedInAs({ parameters, globals }: Pick<StoryContext, 'parameters' | 'globals'>): string {
  const pinned: unknown = parameters.databrain?.persona;
  return typeof pinned === 'string' ? pinned : String(globals[DATABRAIN_PERSONA_GLOBAL]);
}

/**
 * The Analytics page as the app renders it: its own `<AnalyticsProvider>`
 * asks `/api/databrain/token` (and `/api/databrain/data`), which the
 * Storybook addon answers for the persona of the toolbar (so the addon's
 * provider stays out: `provider: false`). Its `userId` is the persona, not a
 * control.
 */
const meta = {
  title: 'Analytics page',
  parameters: { databrain: { provider: false }, layout: 'padded' },
  render: (_args, context) => (
    <AnalyticsProvider userId={signedInAs(context)}>
      <Analytics />
    </AnalyticsProvider>
  ),
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

/** Whoever the Persona toolbar signs in: switch it to see the other tenant's rows. */
export const SignedIn: Story = {};

/** Always Acme's viewer: Acme's rows, nothing to manage or download. */
export const AcmeViewer: Story = {
  parameters: { databrain: { persona: 'acme-viewer' } },
};

/** Always Globex's editor: Globex's rows, every permission of the embed. */
export const GlobexEditor: Story = {
  parameters: { databrain: { persona: 'globex-editor' } },
};
