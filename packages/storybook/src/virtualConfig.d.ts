// The module the addon's Vite plugin serves to its preview (see databrainVitePlugin.ts).
declare module 'virtual:databrain-storybook' {
  export const config: import('./DatabrainStorybookConfig.ts').DatabrainStorybookConfig;
  export const settings: import('./previewSettings.ts').PreviewSettings;
}
