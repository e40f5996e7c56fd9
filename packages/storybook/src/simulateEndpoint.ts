import type { TokenEndpointErrorBody } from '@databrain-embed/core/token-endpoint';
import { tokenEndpointFailure } from './jsonAnswer.ts';

const MAX_DELAY_MS = 60_000;

/** Resolves after `ms`, or at once when `signal` aborts (nobody waits for the answer then). */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}

/** A whole number from a query parameter within bounds, `undefined` when absent, `null` when invalid. */
function bounded(value: string | null, min: number, max: number): number | undefined | null {
  if (value === null) return undefined;
  const number = Number(value);
  return Number.isInteger(number) && number >= min && number <= max ? number : null;
}

/** The token endpoint contract's code for a status a story asks for. */
function codeFor(status: number): TokenEndpointErrorBody['error']['code'] {
  if (status === 401 || status === 403) return 'UNAUTHORIZED';
  if (status === 405) return 'METHOD_NOT_ALLOWED';
  if (status === 429 || status === 503) return 'UPSTREAM_BUSY';
  if (status === 502 || status === 504) return 'UPSTREAM_ERROR';
  return status < 500 ? 'BAD_REQUEST' : 'INTERNAL_ERROR';
}

/**
 * Wraps the token route (or the data route) so a story can show a slow or failing backend: the
 * query parameters `delay` (ms, up to 60 000) and `status` (400-599) make it
 * answer late, or answer that status instead of minting. Stories ask for
 * them through `databrainTokenUrl({ delayMs, status })` or
 * `parameters.databrain.endpoint`.
 *
 * @example
 * ```ts
 * const route = simulateEndpoint(tokenHandler);
 * await route(new Request('http://sb.local/api/databrain/token?status=503', { method: 'POST' })); // 503
 * ```
 */
export function simulateEndpoint(
  handler: (request: Request) => Promise<Response>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const query = new URL(request.url).searchParams;
    const delay = bounded(query.get('delay'), 0, MAX_DELAY_MS);
    const status = bounded(query.get('status'), 400, 599);
    if (delay === null || status === null) {
      return tokenEndpointFailure(
        400,
        'BAD_REQUEST',
        `delay must be whole milliseconds up to ${MAX_DELAY_MS}; status an HTTP error status (400-599).`,
      );
    }
    if (delay) await pause(delay, request.signal);
    if (status !== undefined) {
      return tokenEndpointFailure(
        status,
        codeFor(status),
        `This story's endpoint answers HTTP ${status} on purpose (status=${status}).`,
      );
    }
    return handler(request);
  };
}
