import { DatabrainValidationError, type ValidationIssue } from '@databrain-embed/core';
import { createMemoryTokenStore } from './createMemoryTokenStore.ts';
import type { GuestTokenStore } from './GuestTokenStore.ts';
import { TOKEN_REUSE_DEFAULTS, type TokenReuseOptions } from './TokenReuseOptions.ts';

/** {@link TokenReuseOptions} after validation, with defaults applied. */
export interface ResolvedTokenReuse {
  readonly store: GuestTokenStore;
  readonly minRemaining: number;
  readonly storeTimeoutMs: number;
  readonly lockTtlMs: number;
  readonly onError: ((error: unknown) => void) | undefined;
}

const KNOWN_OPTIONS: ReadonlySet<string> = new Set([
  'store',
  'minRemaining',
  'storeTimeoutMs',
  'lockTtlMs',
  'onError',
]);

// setTimeout overflows above this and fires at once.
const MAX_TIMER_MS = 2_147_483_647;

function checkMs(issues: ValidationIssue[], name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_TIMER_MS) {
    issues.push({ path: `tokenReuse.${name}`, message: `must be an integer from 1 to ${MAX_TIMER_MS}` });
    return fallback;
  }
  return value;
}

function isStore(value: unknown): value is GuestTokenStore {
  if (typeof value !== 'object' || value === null) return false;
  const store = value as Record<string, unknown>;
  const optional = (name: string) => store[name] === undefined || typeof store[name] === 'function';
  return (
    typeof store.get === 'function' &&
    typeof store.set === 'function' &&
    optional('lock') &&
    optional('unlock') &&
    (store.lock === undefined) === (store.unlock === undefined)
  );
}

/**
 * Validates the `tokenReuse` option of `createDatabrainClient`: `undefined`,
 * `true` or an object turns reuse on (by default with an in-memory store);
 * `false` turns it off (the result is then `undefined`).
 */
export function resolveTokenReuse(value: unknown): ResolvedTokenReuse | undefined {
  if (value === false) return undefined;
  const options: TokenReuseOptions =
    value === true || value === undefined ? {} : (value as TokenReuseOptions);
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new DatabrainValidationError('createDatabrainClient options', [
      { path: 'tokenReuse', message: 'must be true, false or an object such as { store, minRemaining }' },
    ]);
  }
  const issues: ValidationIssue[] = [];
  for (const key of Object.keys(options)) {
    if (!KNOWN_OPTIONS.has(key)) issues.push({ path: `tokenReuse.${key}`, message: 'is not a known option' });
  }
  let store: GuestTokenStore | undefined;
  if (options.store !== undefined) {
    if (isStore(options.store)) store = options.store;
    else
      issues.push({
        path: 'tokenReuse.store',
        message: 'must have get and set functions, and either both or neither of lock and unlock',
      });
  }
  const minRemaining = options.minRemaining ?? TOKEN_REUSE_DEFAULTS.minRemaining;
  if (typeof minRemaining !== 'number' || !(minRemaining > 0 && minRemaining <= 1)) {
    issues.push({ path: 'tokenReuse.minRemaining', message: 'must be a number above 0 and at most 1' });
  }
  const storeTimeoutMs = checkMs(
    issues,
    'storeTimeoutMs',
    options.storeTimeoutMs,
    TOKEN_REUSE_DEFAULTS.storeTimeoutMs,
  );
  const lockTtlMs = checkMs(issues, 'lockTtlMs', options.lockTtlMs, TOKEN_REUSE_DEFAULTS.lockTtlMs);
  if (options.onError !== undefined && typeof options.onError !== 'function') {
    issues.push({ path: 'tokenReuse.onError', message: 'must be a function' });
  }
  if (issues.length > 0) throw new DatabrainValidationError('createDatabrainClient options', issues);
  return {
    store: store ?? createMemoryTokenStore(),
    minRemaining,
    storeTimeoutMs,
    lockTtlMs,
    onError: options.onError,
  };
}
