/** The multi-tab fixture app: a provider with one dashboard on the emulator's preview element. */
export declare const TABS_APP_DIR: string;

/** Options of {@link buildApp}. */
export interface BuildAppOptions {
  /** The app's folder (with its index.html); default {@link TABS_APP_DIR}. */
  readonly root?: string;
  /** Resolve conditions, e.g. the source condition; default Vite's own (built packages). */
  readonly conditions?: string[];
}

/** Builds the app with Vite for production into a fresh temporary folder and returns it. */
export declare function buildApp(options?: BuildAppOptions): Promise<string>;
