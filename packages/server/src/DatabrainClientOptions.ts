import type { TokenReuseOptions } from './TokenReuseOptions.ts';

/**
 * Options of {@link createDatabrainClient}. Pass only the credentials the
 * calls you make need: `apiKey` for guest tokens, `serviceToken` for the
 * admin calls.
 *
 * @example
 * ```ts
 * import type { DatabrainClientOptions } from '@databrain-embed/server';
 * const options: DatabrainClientOptions = {
 *   apiKey: process.env.DATABRAIN_API_KEY,
 *   baseUrl: 'https://databrain.example.com', // self-hosted; omit for DataBrain cloud
 *   timeoutMs: 5_000,
 * };
 * ```
 */
export interface DatabrainClientOptions {
  /**
   * The data app's API key; needed by `createGuestToken`. Never leaves the
   * server. When left out, `DATABRAIN_API_KEY` is read at each call that
   * needs it (so a client created while no secret exists, as during a
   * build, works once the app runs with one).
   */
  apiKey?: string | undefined;
  /**
   * The organization's service token; needed by the admin calls. Never
   * leaves the server. When left out, `DATABRAIN_SERVICE_TOKEN` is read at
   * each call that needs it.
   */
  serviceToken?: string | undefined;
  /**
   * DataBrain's origin, with an optional path prefix. When left out,
   * `DATABRAIN_API_URL` when the client is created, else DataBrain cloud.
   */
  baseUrl?: string | undefined;
  /** The `fetch` to use; defaults to the global one. */
  fetch?: typeof fetch | undefined;
  /** How long one attempt may take, in milliseconds, body included. Default 10 000. */
  timeoutMs?: number | undefined;
  /** How many times a failed call may be retried (when retrying is safe). Default 2. */
  maxRetries?: number | undefined;
  /** Base of the exponential backoff between retries, in milliseconds. Default 300. */
  retryDelay?: number | undefined;
  /**
   * Longest wait between two attempts, in milliseconds. Default 10 000. A
   * `Retry-After` longer than this ends the retries, so the caller sees the
   * rate-limit error (with `retryAfter`) instead of a stalled request.
   */
  maxRetryDelay?: number | undefined;
  /**
   * Largest body read from one DataBrain answer, in bytes. Default 1 048 576
   * (1 MiB): a token or an error is a few hundred bytes. Past it, reading
   * stops and the call fails with `RESPONSE_TOO_LARGE`.
   */
  maxResponseBytes?: number | undefined;
  /**
   * Reuse of minted guest tokens (see {@link TokenReuseOptions}): on by
   * default, in this process's memory; pass a store (such as Redis) to share
   * them between app instances, or `false` to mint on every call.
   */
  tokenReuse?: TokenReuseOptions | boolean | undefined;
}

/**
 * The defaults {@link createDatabrainClient} applies.
 *
 * @example
 * ```ts
 * import { DATABRAIN_CLIENT_DEFAULTS } from '@databrain-embed/server';
 * DATABRAIN_CLIENT_DEFAULTS.maxRetries; // 2
 * ```
 */
export const DATABRAIN_CLIENT_DEFAULTS: {
  readonly timeoutMs: 10_000;
  readonly maxRetries: 2;
  readonly retryDelay: 300;
  readonly maxRetryDelay: 10_000;
  readonly maxResponseBytes: 1_048_576;
} = { timeoutMs: 10_000, maxRetries: 2, retryDelay: 300, maxRetryDelay: 10_000, maxResponseBytes: 1_048_576 };
