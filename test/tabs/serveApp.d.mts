import type { RunningEmulator } from '@databrain-embed/emulator';

/** Where the app's provider asks for tokens. */
export declare const TOKEN_PATH: string;

/** One token request the handler answered. */
export interface TokenRequestRecord {
  /** When it arrived (epoch ms). */
  readonly at: number;
  readonly status: number;
  /** The token minted, or `null` when the handler refused. */
  readonly token: string | null;
}

/** A served app: its files, the token endpoint and the emulator behind it. */
export interface ServedApp {
  /** e.g. `http://127.0.0.1:41234`, no trailing slash. */
  readonly url: string;
  /** The app's page, told which emulator its preview elements read. */
  readonly pageUrl: string;
  readonly emulator: RunningEmulator;
  /** Every answered token request, oldest first. */
  readonly tokenRequests: readonly TokenRequestRecord[];
  /** The emulator's expiry of a token (epoch ms), `null` for never, `undefined` when unknown. */
  expiryOf(token: string): number | null | undefined;
  close(): Promise<void>;
}

/** Options of {@link serveApp}. */
export interface ServeAppOptions {
  /** The built app (Vite's outDir). */
  readonly dir: string;
  /** Lifetime of every minted token, in milliseconds. */
  readonly tokenLifetimeMs: number;
}

/** Serves a built app with the real token handler and the emulator, on 127.0.0.1. */
export declare function serveApp(options: ServeAppOptions): Promise<ServedApp>;
