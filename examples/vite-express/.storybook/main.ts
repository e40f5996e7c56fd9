import type { StorybookConfig } from '@storybook/react-vite';

const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: ['../src/**/*.stories.@(ts|tsx)'],
  // Tokens, personas, the emulator and the DataBrain panel, from .storybook/databrain.ts.
  addons: ['@databrain-embed/storybook'],
};

export default config;
