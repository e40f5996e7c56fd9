/** Options of {@link buildFixtureApp}. */
export interface BuildFixtureAppOptions {
  /** The app's folder (with its index.html). */
  readonly root: string;
  /** Resolve conditions, e.g. the source condition; default Vite's own (built packages). */
  readonly conditions?: string[];
}

/** Builds the app with Vite for production into a fresh temporary folder and returns it. */
export declare function buildFixtureApp(options: BuildFixtureAppOptions): Promise<string>;
