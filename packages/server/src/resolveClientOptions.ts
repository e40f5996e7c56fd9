import { DATABRAIN_CLOUD_URL, DatabrainValidationError } from '@databrain-embed/core';
import { closedObject, toValidationIssues, z } from '@databrain-embed/core/internal';
import { createMemoryTokenStore } from './createMemoryTokenStore.ts';
import { DATABRAIN_CLIENT_DEFAULTS, type DatabrainClientOptions } from './DatabrainClientOptions.ts';
import { functionSchema } from './functionSchema.ts';
import type { GuestTokenStore } from './GuestTokenStore.ts';
import type { GuestTokenStoreError } from './GuestTokenStoreError.ts';
import { guestTokenStoreSchema } from './guestTokenStoreSchema.ts';
import { readEnvironment } from './readEnvironment.ts';
import { TOKEN_REUSE_DEFAULTS } from './TokenReuseOptions.ts';

/** The `tokenReuse` option after validation, with defaults applied. */
export interface ResolvedTokenReuse {
  readonly store: GuestTokenStore;
  readonly minRemaining: number;
  readonly storeTimeoutMs: number;
  readonly lockTtlMs: number;
  readonly onError?: ((error: GuestTokenStoreError) => void) | undefined;
}

/**
 * Client options after validation, with defaults applied. A credential left
 * out is `undefined` here and read from the environment when a call needs it.
 */
export interface ResolvedClientOptions {
  readonly apiKey: string | undefined;
  readonly serviceToken: string | undefined;
  /** Without a trailing slash, so endpoint paths can be appended. */
  readonly baseUrl: string;
  readonly fetch: typeof fetch;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly retryDelay: number;
  readonly maxRetryDelay: number;
  readonly maxResponseBytes: number;
  /** `undefined` when reuse is off (`tokenReuse: false`). */
  readonly tokenReuse: ResolvedTokenReuse | undefined;
}

// setTimeout overflows above this and fires at once.
const MAX_TIMER_MS = 2_147_483_647;

// The value of a secret is never described beyond its type.
const secret = z
  .string({ error: (issue) => `must be a string, received ${typeof issue.input}` })
  .refine((value) => value.trim() !== '', {
    message: 'must not be empty (is the environment variable set?)',
    abort: true,
  })
  .refine((value) => value === value.trim(), 'must not start or end with whitespace')
  .optional();

const integer = (min: number, max: number, fallback: number) => {
  const rule = `must be an integer from ${min} to ${max}`;
  return z.number({ error: rule }).int(rule).min(min, rule).max(max, rule).default(fallback);
};

/**
 * An absolute http(s) URL without credentials, query or fragment, as its
 * origin and path without trailing slashes.
 */
export const baseUrlSchema: z.ZodType<string, unknown> = z
  .string({ error: 'must be an absolute http(s) URL such as https://databrain.example.com' })
  .refine((value) => URL.canParse(value), {
    message: 'must be an absolute http(s) URL such as https://databrain.example.com',
    abort: true,
  })
  .transform((value, ctx) => {
    const url = new URL(value);
    const problem =
      url.protocol !== 'https:' && url.protocol !== 'http:'
        ? 'must use http: or https:'
        : url.username !== '' || url.password !== ''
          ? 'must not contain credentials; pass apiKey or serviceToken instead'
          : url.search !== '' || url.hash !== ''
            ? 'must not have a query string or fragment'
            : undefined;
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  });

const tokenReuseObject = closedObject(
  {
    store: guestTokenStoreSchema.optional(),
    minRemaining: z
      .number({ error: 'must be a number above 0 and at most 1' })
      .gt(0, 'must be a number above 0 and at most 1')
      .lte(1, 'must be a number above 0 and at most 1')
      .default(TOKEN_REUSE_DEFAULTS.minRemaining),
    storeTimeoutMs: integer(1, MAX_TIMER_MS, TOKEN_REUSE_DEFAULTS.storeTimeoutMs),
    lockTtlMs: integer(1, MAX_TIMER_MS, TOKEN_REUSE_DEFAULTS.lockTtlMs),
    onError: functionSchema<(error: GuestTokenStoreError) => void>('must be a function').optional(),
  },
  'must be true, false or an object such as { store, minRemaining }',
  'option',
  ['store'],
);

/**
 * `tokenReuse`: `false` turns reuse off (`undefined`); `true` or an object
 * turns it on, by default with an in-memory store of its own. Not a zod
 * union: a union that fails reports one issue for the whole value, where the
 * object's own issues name the field (`tokenReuse.minRemaining`).
 */
const tokenReuseSchema = z
  .unknown()
  .transform((value, ctx): ResolvedTokenReuse | undefined => {
    if (value === false) return undefined;
    const result = tokenReuseObject.safeParse(value === true ? {} : value);
    if (!result.success) {
      for (const issue of result.error.issues) {
        ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
      }
      return z.NEVER;
    }
    const { store, ...settings } = result.data;
    return { ...settings, store: store ?? createMemoryTokenStore() };
  })
  // Left out, reuse is on with every default.
  .prefault(true);

const optionsSchema = closedObject(
  {
    apiKey: secret,
    serviceToken: secret,
    baseUrl: baseUrlSchema.optional(),
    fetch: functionSchema<typeof fetch>('must be a function compatible with the global fetch').optional(),
    timeoutMs: integer(1, MAX_TIMER_MS, DATABRAIN_CLIENT_DEFAULTS.timeoutMs),
    maxRetries: integer(0, 10, DATABRAIN_CLIENT_DEFAULTS.maxRetries),
    retryDelay: integer(0, MAX_TIMER_MS, DATABRAIN_CLIENT_DEFAULTS.retryDelay),
    maxRetryDelay: integer(0, MAX_TIMER_MS, DATABRAIN_CLIENT_DEFAULTS.maxRetryDelay),
    maxResponseBytes: integer(1, Number.MAX_SAFE_INTEGER, DATABRAIN_CLIENT_DEFAULTS.maxResponseBytes),
    tokenReuse: tokenReuseSchema,
  },
  'must be an object such as { apiKey: process.env.DATABRAIN_API_KEY }',
  'option',
  // Checked by its own closed object, which leaves the store alone.
  ['tokenReuse'],
);

const SUBJECT = 'createDatabrainClient options';

/** The base URL from `DATABRAIN_API_URL`, or DataBrain cloud when it is not set. */
function baseUrlFromEnvironment(): string {
  const value = readEnvironment('DATABRAIN_API_URL');
  if (value === undefined) return DATABRAIN_CLOUD_URL;
  const result = baseUrlSchema.safeParse(value.trim());
  if (result.success) return result.data;
  throw new DatabrainValidationError(
    SUBJECT,
    toValidationIssues(
      result.error.issues.map((issue) => ({
        path: ['baseUrl'],
        message: `${issue.message} (read from the DATABRAIN_API_URL environment variable)`,
      })),
    ),
  );
}

/**
 * Validates {@link DatabrainClientOptions} once, with one schema, reporting
 * every problem together (`tokenReuse.minRemaining: must be a number above 0
 * and at most 1`). Messages name the option and the rule, never a secret's
 * value. Options that are present must be well formed; left-out credentials
 * are looked up per call (see `credentialFor`), and a left-out `baseUrl` is
 * taken from `DATABRAIN_API_URL`, then DataBrain cloud.
 */
export function resolveClientOptions(options: DatabrainClientOptions = {}): ResolvedClientOptions {
  const result = optionsSchema.safeParse(options);
  if (!result.success) throw new DatabrainValidationError(SUBJECT, toValidationIssues(result.error.issues));
  const parsed = result.data;
  const fetchImpl = parsed.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function') {
    throw new DatabrainValidationError(SUBJECT, [
      { path: 'fetch', message: 'is required: this runtime has no global fetch' },
    ]);
  }
  return {
    apiKey: parsed.apiKey,
    serviceToken: parsed.serviceToken,
    baseUrl: parsed.baseUrl ?? baseUrlFromEnvironment(),
    fetch: fetchImpl,
    timeoutMs: parsed.timeoutMs,
    maxRetries: parsed.maxRetries,
    retryDelay: parsed.retryDelay,
    maxRetryDelay: parsed.maxRetryDelay,
    maxResponseBytes: parsed.maxResponseBytes,
    tokenReuse: parsed.tokenReuse,
  };
}
