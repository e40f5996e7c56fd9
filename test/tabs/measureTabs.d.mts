import type { Browser } from 'playwright-core';
import type { ServedApp } from './serveApp.mjs';

/** One token the page's element received, with the page's time (epoch ms). */
export interface TokenLogEntry {
  readonly at: number;
  readonly token: string;
}

/** What {@link measureTabs} reports for one run. */
export interface TabsMeasurement {
  readonly tabs: number;
  readonly lifetimes: number;
  readonly lifetimeMs: number;
  /** Token requests the handler answered while the tabs ran. */
  readonly requests: number;
  /** When each of those requests arrived, in ms from the start. */
  readonly requestAtMs: readonly number[];
  /** What one tab alone needs in the same time with the default margin. */
  readonly idealRequests: number;
  /** Longest time any tab's element held no valid token, after its first. */
  readonly worstInvalidMs: number;
  /** `dbn-dashboard` elements created beyond one per tab. */
  readonly recreated: number;
  /** Tabs whose element never received a token. */
  readonly tabsWithoutToken: number;
  /** Tabs whose element at the end is not the node they first showed. */
  readonly tabsWithOtherElement: number;
  /** Different tokens the tabs' elements received while the tabs ran. */
  readonly distinctTokens: number;
  /** The longest wait of a tab, from opening to its first token. */
  readonly slowestFirstTokenMs: number;
}

/** When one tab opens and, optionally, closes: ms from the start of the measurement. */
export interface TabPlan {
  readonly openAtMs: number;
  readonly closeAtMs?: number;
}

/** Options of {@link measureTabs}. */
export interface MeasureTabsOptions {
  readonly browser: Browser;
  readonly app: ServedApp;
  readonly tabs: number;
  readonly lifetimes: number;
  /** The lifetime the app's token endpoint gives its tokens. */
  readonly lifetimeMs: number;
  /** One entry per tab; default: every tab opens at once and stays open. */
  readonly plan?: readonly TabPlan[];
}

/** The provider's default refresh margin: a fifth of the lifetime, at most a minute. */
export declare function defaultRefreshMarginMs(lifetimeMs: number): number;

/** Token requests one tab alone needs in `lifetimes` lifetimes with the default margin. */
export declare function idealRequests(lifetimes: number, lifetimeMs: number): number;

/** The longest stretch of [from, to) during which the logged token was unknown or expired. */
export declare function longestInvalidMs(
  log: readonly TokenLogEntry[],
  from: number,
  to: number,
  expiryOf: (token: string) => number | null | undefined,
): number;

/** Opens `tabs` pages of one new context (together, or as `plan` says), runs `lifetimes` lifetimes, and reports. */
export declare function measureTabs(options: MeasureTabsOptions): Promise<TabsMeasurement>;
