import type { Preview } from '@storybook/react-vite';

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    layout: 'padded',
    controls: { expanded: true, matchers: { color: /(background|color)$/i } },
    docs: { codePanel: true },
    options: { storySort: { order: ['Welcome', 'Embedding', 'Token', 'Backend', 'Packages'] } },
    a11y: {
      // A story with a serious or critical axe violation fails its test, in Vitest and
      // in Storybook's test panel alike. Minor and moderate findings are listed in the
      // Accessibility panel without failing: the addon's matcher (vitest-axe) keeps only
      // the impact levels named here, reading them back from the run options axe echoes.
      test: 'error',
      options: { impactLevels: ['serious', 'critical'] },
    },
  },
  decorators: [
    (Story) => (
      <div style={{ fontFamily: 'system-ui, sans-serif', fontSize: 14, color: '#1f2937' }}>
        <Story />
      </div>
    ),
  ],
};

export default preview;
