import type { DatabrainApiError } from '@databrain-embed/core';
import { abortableDelay } from './abortableDelay.ts';
import { backoffDelay } from './backoffDelay.ts';
import type { ResolvedClientOptions } from './resolveClientOptions.ts';
import { abortedError, type DatabrainCall, sendRequest } from './sendRequest.ts';

/**
 * Whether repeating the call can create something twice. Guest tokens and
 * reads are `idempotent` for this purpose: a repeat yields another token or
 * the same list. Admin creates are `unsafe` and are repeated only when
 * DataBrain surely did not act on the first attempt.
 */
export type CallSafety = 'idempotent' | 'unsafe';

/**
 * Runs {@link sendRequest} and retries failures that are safe to retry for
 * this call, waiting a capped, jittered exponential backoff or the
 * `Retry-After` DataBrain asked for. The caller's signal ends the waits too.
 */
export async function callWithRetries<T>(
  options: ResolvedClientOptions,
  call: DatabrainCall<T>,
  safety: CallSafety,
  signal: AbortSignal | undefined,
): Promise<T> {
  let lastError: DatabrainApiError | undefined;
  for (let attempt = 0; attempt <= options.maxRetries; attempt++) {
    const result = await sendRequest(options, call, signal);
    if (result.ok) return result.value;
    lastError = result.error;
    const retryable = result.retry === 'always' || (result.retry === 'idempotent' && safety === 'idempotent');
    if (!retryable || attempt === options.maxRetries) break;
    let wait = backoffDelay(attempt, options.retryDelay, options.maxRetryDelay);
    if (result.retryAfterMs !== undefined) {
      // Retrying before the time DataBrain named would only be refused again.
      if (result.retryAfterMs > options.maxRetryDelay) break;
      wait = result.retryAfterMs;
    }
    try {
      await abortableDelay(wait, signal);
    } catch (reason) {
      throw abortedError(call, reason);
    }
  }
  throw lastError;
}
