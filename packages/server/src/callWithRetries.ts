import { DATABRAIN_ENDPOINT_TABLE, type DatabrainApiError } from '@databrain-embed/core';
import { abortableDelay } from './abortableDelay.ts';
import { abortedError } from './abortedError.ts';
import { backoffDelay } from './backoffDelay.ts';
import type { ResolvedClientOptions } from './resolveClientOptions.ts';
import { type DatabrainCall, sendRequest } from './sendRequest.ts';

/**
 * Runs {@link sendRequest} and retries failures that are safe to retry for
 * this call, waiting a capped, jittered exponential backoff or the
 * `Retry-After` DataBrain asked for. The caller's signal ends the waits too.
 *
 * Whether a repeat could create something twice is the endpoint table's
 * `retry`: guest tokens and reads are `idempotent` (a repeat yields another
 * token or the same list); admin creates are `unsafe` and are repeated only
 * when DataBrain surely did not act on the first attempt.
 */
export async function callWithRetries<T>(
  options: ResolvedClientOptions,
  call: DatabrainCall<T>,
  signal: AbortSignal | undefined,
): Promise<T> {
  const safety = DATABRAIN_ENDPOINT_TABLE[call.endpoint].retry;
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
      throw abortedError(call.endpoint, reason);
    }
  }
  throw lastError;
}
