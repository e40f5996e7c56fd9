import { DatabrainValidationError } from '@databrain-embed/core';
import { closedObject, isRecord, requiredText, toValidationIssues, z } from '@databrain-embed/core/internal';
import { createMemoryTokenStore } from './createMemoryTokenStore.ts';
import { functionSchema } from './functionSchema.ts';
import type { GuestTokenStore } from './GuestTokenStore.ts';
import { guestTokenStoreSchema } from './guestTokenStoreSchema.ts';
import {
  METRIC_DATA_HANDLER_DEFAULTS,
  type MetricDataFilterTarget,
  type MetricDataHandlerOptions,
} from './MetricDataHandlerOptions.ts';

/** {@link MetricDataHandlerOptions} after validation, with defaults applied. */
export interface ResolvedMetricDataHandlerOptions {
  readonly client: MetricDataHandlerOptions['client'];
  readonly authorize: MetricDataHandlerOptions['authorize'];
  readonly embedId: string | undefined;
  readonly filters: ReadonlyMap<string, MetricDataFilterTarget>;
  readonly reuse:
    | {
        readonly store: GuestTokenStore;
        readonly ttlMs: number;
        readonly storeTimeoutMs: number;
        readonly lockTtlMs: number;
        readonly onError: ((error: unknown) => void) | undefined;
      }
    | undefined;
  readonly budget:
    | { readonly requests: number; readonly perMs: number; readonly maxUsers: number }
    | undefined;
  readonly maxBodyBytes: number;
  readonly onError: ((error: unknown) => void) | undefined;
}

// setTimeout overflows above this and fires at once.
const MAX_TIMER_MS = 2_147_483_647;

const integer = (min: number, max: number) => {
  const rule = `must be an integer from ${min} to ${max}`;
  return z.number({ error: rule }).int(rule).min(min, rule).max(max, rule);
};

const reuseSchema = closedObject(
  {
    ttlMs: integer(1, MAX_TIMER_MS).optional(),
    store: guestTokenStoreSchema.optional(),
    storeTimeoutMs: integer(1, MAX_TIMER_MS).optional(),
    lockTtlMs: integer(1, MAX_TIMER_MS).optional(),
    onError: functionSchema<(error: unknown) => void>('must be a function').optional(),
  },
  'must be false or an object such as { ttlMs: 5000 }',
  'option',
);

const budgetSchema = closedObject(
  {
    requests: integer(1, 1_000_000).optional(),
    perMs: integer(1, MAX_TIMER_MS).optional(),
    maxUsers: integer(1, 10_000_000).optional(),
  },
  'must be false or an object such as { requests: 60, perMs: 60000 }',
  'option',
);

const optionsSchema = closedObject(
  {
    client: z.custom<MetricDataHandlerOptions['client']>(
      (value) =>
        typeof value === 'object' &&
        value !== null &&
        typeof (value as { queryMetric?: unknown }).queryMetric === 'function',
      { error: 'must be a client from createDatabrainClient (with queryMetric)' },
    ),
    authorize: functionSchema<MetricDataHandlerOptions['authorize']>(
      'must be a function (request, query) returning a grant or null',
    ),
    embedId: requiredText().optional(),
    filters: z
      .record(
        requiredText(),
        z.enum(['metricFilter', 'dashboardFilter'], { error: 'must be "metricFilter" or "dashboardFilter"' }),
        { error: 'must be an object mapping filter names to "metricFilter" or "dashboardFilter"' },
      )
      .optional(),
    // `false` is taken out before parsing (see below), so issues inside keep their paths.
    reuse: reuseSchema.optional(),
    budget: budgetSchema.optional(),
    maxBodyBytes: integer(1, 1_073_741_824).optional(),
    onError: functionSchema<(error: unknown) => void>('must be a function').optional(),
  },
  'must be an object such as { client, authorize }',
  'option',
);

/**
 * Validates the options of `createMetricDataHandler` once, reporting every
 * problem together at its path (`reuse.ttlMs: must be an integer …`).
 */
export function resolveMetricDataHandlerOptions(options: unknown): ResolvedMetricDataHandlerOptions {
  const given = isRecord(options) ? options : undefined;
  const reuseOff = given?.reuse === false;
  const budgetOff = given?.budget === false;
  const result = optionsSchema.safeParse(
    given === undefined
      ? options
      : { ...given, reuse: reuseOff ? undefined : given.reuse, budget: budgetOff ? undefined : given.budget },
  );
  if (!result.success) {
    throw new DatabrainValidationError(
      'createMetricDataHandler options',
      toValidationIssues(result.error.issues),
    );
  }
  const parsed = result.data;
  const defaults = METRIC_DATA_HANDLER_DEFAULTS;
  const reuse = reuseOff ? undefined : (parsed.reuse ?? {});
  const budget = budgetOff ? undefined : (parsed.budget ?? {});
  return {
    client: parsed.client,
    authorize: parsed.authorize,
    embedId: parsed.embedId,
    filters: new Map(Object.entries(parsed.filters ?? {})),
    reuse:
      reuse === undefined
        ? undefined
        : {
            store: reuse.store ?? createMemoryTokenStore(),
            ttlMs: reuse.ttlMs ?? defaults.reuseTtlMs,
            storeTimeoutMs: reuse.storeTimeoutMs ?? defaults.storeTimeoutMs,
            lockTtlMs: reuse.lockTtlMs ?? defaults.lockTtlMs,
            onError: reuse.onError,
          },
    budget:
      budget === undefined
        ? undefined
        : {
            requests: budget.requests ?? defaults.budgetRequests,
            perMs: budget.perMs ?? defaults.budgetPerMs,
            maxUsers: budget.maxUsers ?? defaults.budgetMaxUsers,
          },
    maxBodyBytes: parsed.maxBodyBytes ?? defaults.maxBodyBytes,
    onError: parsed.onError,
  };
}
