import type { MetricQueryFilters } from '@databrain-embed/core';
import type { DatabrainClient } from './DatabrainClient.ts';
import type { GuestTokenStore } from './GuestTokenStore.ts';

/**
 * What a browser asked a metric-data handler for, once read: the metric, its
 * embed (the handler's default when the browser named none) and the filters
 * the handler lets the browser choose (others already dropped).
 *
 * @example
 * ```ts
 * import type { MetricDataQuery } from '@databrain-embed/server';
 * const query: MetricDataQuery = { metricId: 'total-revenue', embedId: 'sales-overview', filters: { region: 'EMEA' } };
 * ```
 */
export interface MetricDataQuery {
  readonly metricId: string;
  readonly embedId: string;
  readonly filters: MetricQueryFilters;
}

/**
 * What `authorize` grants the signed-in user for one metric query: the
 * tenant, and the filters that hold whatever the browser chose (row-level
 * security). Everything here comes from your server's session.
 *
 * @example
 * ```ts
 * import type { MetricDataGrant } from '@databrain-embed/server';
 * const grant: MetricDataGrant = { clientId: 'acme', userId: 'user-42', metricFilter: { region: 'EMEA' } };
 * ```
 */
export interface MetricDataGrant {
  /** The tenant DataBrain applies its row-level rules for. */
  clientId: string;
  /** Security filters of the metric. A name filtered here or in `dashboardFilter` is never taken from the browser. */
  metricFilter?: MetricQueryFilters;
  /** Security filters of the dashboard. A name filtered here or in `metricFilter` is never taken from the browser. */
  dashboardFilter?: MetricQueryFilters;
  /** The datasource to run against, for a workspace with several. */
  datasourceName?: string;
  /** Whose request budget the request spends. Default: `clientId` (one budget per tenant). */
  userId?: string;
}

/**
 * Where a filter the browser may choose goes in the query DataBrain gets.
 *
 * @example
 * ```ts
 * import type { MetricDataFilterTarget } from '@databrain-embed/server';
 * const target: MetricDataFilterTarget = 'dashboardFilter';
 * ```
 */
export type MetricDataFilterTarget = 'metricFilter' | 'dashboardFilter';

/**
 * How a metric-data handler answers identical queries once: within `ttlMs`,
 * and while one is in flight, every identical query (same metric, tenant and
 * filters) gets the same answer, from one DataBrain call. With a shared store
 * (`createRedisTokenStore`), instances sharing it call DataBrain once too.
 *
 * @example
 * ```ts
 * import type { MetricDataReuseOptions } from '@databrain-embed/server';
 * import { createRedisTokenStore } from '@databrain-embed/server/redis';
 * const reuse: MetricDataReuseOptions = { ttlMs: 10_000, store: createRedisTokenStore({ client: redis, prefix: 'app:data:' }) };
 * ```
 */
export interface MetricDataReuseOptions {
  /** How long an answer is reused, in ms; keep it short, the rows change. Default 5 000. */
  ttlMs?: number | undefined;
  /**
   * Where answers are kept: a token store (`createMemoryTokenStore`, the
   * default, or `createRedisTokenStore` from `@databrain-embed/server/redis`).
   * Give each data app its own store or prefix.
   */
  store?: GuestTokenStore | undefined;
  /** Longest wait for one store call, in ms; past it DataBrain is asked. Default 250. */
  storeTimeoutMs?: number | undefined;
  /** How long another instance waits for the one querying, in ms (stores with a lock). Default 5 000. */
  lockTtlMs?: number | undefined;
  /** Called with each store failure. Errors it throws are ignored. */
  onError?: ((error: unknown) => void) | undefined;
}

/**
 * The request budget of each user: `requests` at once, then `requests` per
 * `perMs`. A request over it is answered 429 with `Retry-After`, before
 * DataBrain is asked. Kept in this process's memory, per instance.
 *
 * @example
 * ```ts
 * import type { MetricDataBudgetOptions } from '@databrain-embed/server';
 * const budget: MetricDataBudgetOptions = { requests: 30, perMs: 60_000 };
 * ```
 */
export interface MetricDataBudgetOptions {
  /** Default 60. */
  requests?: number | undefined;
  /** Default 60 000 (one minute). */
  perMs?: number | undefined;
  /** Most users tracked at once; users whose budget is whole again are forgotten first. Default 10 000. */
  maxUsers?: number | undefined;
}

/**
 * Options of {@link createMetricDataHandler}.
 *
 * @example
 * ```ts
 * import type { MetricDataHandlerOptions } from '@databrain-embed/server';
 * const options: MetricDataHandlerOptions = {
 *   client: databrain,
 *   embedId: 'sales-overview',
 *   filters: { region: 'metricFilter', period: 'dashboardFilter' },
 *   authorize: async (request) => {
 *     const user = await getSessionUser(request);
 *     return user ? { clientId: user.tenantId, userId: user.id } : null;
 *   },
 * };
 * ```
 */
export interface MetricDataHandlerOptions {
  /** The client that queries DataBrain (only `queryMetric` is used). */
  client: Pick<DatabrainClient, 'queryMetric'>;
  /**
   * Reads the end user from the request (cookie, session, header) and
   * returns their grant for this query, or `null` when nobody is signed in
   * or the user may not see this metric (answered 401).
   */
  authorize: (
    request: Request,
    query: MetricDataQuery,
  ) => MetricDataGrant | null | Promise<MetricDataGrant | null>;
  /** The embed used when the browser names none. Without it the browser must name one. */
  embedId?: string | undefined;
  /**
   * The filters the browser may choose, by name, and where each goes. Any
   * other name the browser sends is dropped. Default: none.
   */
  filters?: Readonly<Record<string, MetricDataFilterTarget>> | undefined;
  /** Identical queries answered once (see {@link MetricDataReuseOptions}); `false` turns it off. */
  reuse?: MetricDataReuseOptions | false | undefined;
  /** Each user's request budget (see {@link MetricDataBudgetOptions}); `false` turns it off. */
  budget?: MetricDataBudgetOptions | false | undefined;
  /** Largest request body read, in bytes. Default 16 384. */
  maxBodyBytes?: number | undefined;
  /**
   * Called with every error behind a 500, 502 or 503 answer, for your logs.
   * Default: one `console.error` line with its message. Errors it throws are ignored.
   */
  onError?: ((error: unknown) => void) | undefined;
}

/**
 * The defaults {@link createMetricDataHandler} applies.
 *
 * @example
 * ```ts
 * import { METRIC_DATA_HANDLER_DEFAULTS } from '@databrain-embed/server';
 * METRIC_DATA_HANDLER_DEFAULTS.reuseTtlMs; // 5000
 * ```
 */
export const METRIC_DATA_HANDLER_DEFAULTS: {
  readonly reuseTtlMs: 5_000;
  readonly storeTimeoutMs: 250;
  readonly lockTtlMs: 5_000;
  readonly budgetRequests: 60;
  readonly budgetPerMs: 60_000;
  readonly budgetMaxUsers: 10_000;
  readonly maxBodyBytes: 16_384;
} = {
  reuseTtlMs: 5_000,
  storeTimeoutMs: 250,
  lockTtlMs: 5_000,
  budgetRequests: 60,
  budgetPerMs: 60_000,
  budgetMaxUsers: 10_000,
  maxBodyBytes: 16_384,
};
