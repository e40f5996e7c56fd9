import { DATABRAIN_CLOUD_URL, DatabrainValidationError, type ValidationIssue } from '@databrain-embed/core';
import { DATABRAIN_CLIENT_DEFAULTS, type DatabrainClientOptions } from './DatabrainClientOptions.ts';

/** Client options after validation, with defaults applied. */
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
}

const KNOWN_OPTIONS: ReadonlySet<string> = new Set([
  'apiKey',
  'serviceToken',
  'baseUrl',
  'fetch',
  'timeoutMs',
  'maxRetries',
  'retryDelay',
  'maxRetryDelay',
  'maxResponseBytes',
]);

// setTimeout overflows above this and fires at once.
const MAX_TIMER_MS = 2_147_483_647;

function checkSecret(issues: ValidationIssue[], name: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  // The value is never described beyond its type: it is a secret.
  if (typeof value !== 'string') {
    issues.push({ path: name, message: `must be a string, received ${typeof value}` });
  } else if (value.trim() === '') {
    issues.push({ path: name, message: 'must not be empty (is the environment variable set?)' });
  } else if (value !== value.trim()) {
    issues.push({ path: name, message: 'must not start or end with whitespace' });
  } else {
    return value;
  }
  return undefined;
}

function checkNumber(
  issues: ValidationIssue[],
  name: string,
  value: unknown,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    issues.push({ path: name, message: `must be an integer from ${min} to ${max}` });
    return fallback;
  }
  return value;
}

function checkBaseUrl(issues: ValidationIssue[], value: unknown): string {
  if (value === undefined) return DATABRAIN_CLOUD_URL;
  if (typeof value !== 'string' || !URL.canParse(value)) {
    issues.push({
      path: 'baseUrl',
      message: 'must be an absolute http(s) URL such as https://databrain.example.com',
    });
    return DATABRAIN_CLOUD_URL;
  }
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    issues.push({ path: 'baseUrl', message: 'must use http: or https:' });
  } else if (url.username !== '' || url.password !== '') {
    issues.push({
      path: 'baseUrl',
      message: 'must not contain credentials; pass apiKey or serviceToken instead',
    });
  } else if (url.search !== '' || url.hash !== '') {
    issues.push({ path: 'baseUrl', message: 'must not have a query string or fragment' });
  } else {
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  }
  return DATABRAIN_CLOUD_URL;
}

/**
 * Validates {@link DatabrainClientOptions} once, reporting every problem
 * together. Messages name the option and the rule, never a secret's value.
 */
export function resolveClientOptions(options: DatabrainClientOptions): ResolvedClientOptions {
  const issues: ValidationIssue[] = [];
  if (typeof options !== 'object' || options === null) {
    throw new DatabrainValidationError('createDatabrainClient options', [
      { path: '', message: 'must be an object such as { apiKey: process.env.DATABRAIN_API_KEY }' },
    ]);
  }
  for (const key of Object.keys(options)) {
    if (!KNOWN_OPTIONS.has(key)) issues.push({ path: key, message: 'is not a known option' });
  }
  const apiKey = checkSecret(issues, 'apiKey', options.apiKey);
  const serviceToken = checkSecret(issues, 'serviceToken', options.serviceToken);
  if (options.apiKey === undefined && options.serviceToken === undefined) {
    issues.push({
      path: 'apiKey',
      message:
        'is required unless serviceToken is given: pass apiKey for guest tokens, serviceToken for admin calls',
    });
  }
  const baseUrl = checkBaseUrl(issues, options.baseUrl);
  let fetchImpl: typeof fetch = globalThis.fetch;
  if (options.fetch !== undefined) {
    if (typeof options.fetch === 'function') fetchImpl = options.fetch;
    else issues.push({ path: 'fetch', message: 'must be a function compatible with the global fetch' });
  } else if (typeof fetchImpl !== 'function') {
    issues.push({ path: 'fetch', message: 'is required: this runtime has no global fetch' });
  }
  const timeoutMs = checkNumber(
    issues,
    'timeoutMs',
    options.timeoutMs,
    DATABRAIN_CLIENT_DEFAULTS.timeoutMs,
    1,
    MAX_TIMER_MS,
  );
  const maxRetries = checkNumber(
    issues,
    'maxRetries',
    options.maxRetries,
    DATABRAIN_CLIENT_DEFAULTS.maxRetries,
    0,
    10,
  );
  const retryDelay = checkNumber(
    issues,
    'retryDelay',
    options.retryDelay,
    DATABRAIN_CLIENT_DEFAULTS.retryDelay,
    0,
    MAX_TIMER_MS,
  );
  const maxRetryDelay = checkNumber(
    issues,
    'maxRetryDelay',
    options.maxRetryDelay,
    DATABRAIN_CLIENT_DEFAULTS.maxRetryDelay,
    0,
    MAX_TIMER_MS,
  );
  const maxResponseBytes = checkNumber(
    issues,
    'maxResponseBytes',
    options.maxResponseBytes,
    DATABRAIN_CLIENT_DEFAULTS.maxResponseBytes,
    1,
    Number.MAX_SAFE_INTEGER,
  );
  if (issues.length > 0) throw new DatabrainValidationError('createDatabrainClient options', issues);
  return {
    apiKey,
    serviceToken,
    baseUrl,
    fetch: fetchImpl,
    timeoutMs,
    maxRetries,
    retryDelay,
    maxRetryDelay,
    maxResponseBytes,
  };
}
