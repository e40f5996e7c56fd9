import {
  DATABRAIN_ENDPOINT_TABLE,
  DatabrainApiError,
  type DatabrainEndpoint,
  type DatabrainErrorCode,
  isDatabrainApiErrorCode,
  parseErrorBody,
} from '@databrain-embed/core';
import { isRecord } from '@databrain-embed/core/internal';
import { abortedError } from './abortedError.ts';
import { knownCredentials } from './knownCredentials.ts';
import { parseRetryAfter } from './parseRetryAfter.ts';
import { readCappedText } from './readCappedText.ts';
import type { ResolvedClientOptions } from './resolveClientOptions.ts';
import { containsSecret, scrubSecrets, scrubValue, secretsOfCall } from './scrubSecrets.ts';

/**
 * One HTTP call to DataBrain, before retries, and what its answer must hold.
 * Its method and path come from the endpoint table.
 */
export interface DatabrainCall<T> {
  readonly endpoint: DatabrainEndpoint;
  readonly bearer: string;
  readonly query?: URLSearchParams;
  readonly body?: unknown;
  /** What the success body must contain, for the `UNEXPECTED_RESPONSE` message ("a token"). */
  readonly expected: string;
  /** Takes the result from a success body, or returns `undefined` when the body lacks it. */
  readonly read: (body: Record<string, unknown>) => T | undefined;
}

/**
 * When a failed attempt may be repeated:
 * - `always`: DataBrain surely did not act (connection refused, 429), safe
 *   even for calls that create something;
 * - `idempotent`: DataBrain may have acted (5xx, timeout, dropped
 *   connection), safe only for calls that create nothing new when repeated
 *   (a second guest token is just another token);
 * - `never`: repeating cannot help (4xx, abort, unreadable success).
 */
export type RetryClass = 'always' | 'idempotent' | 'never';

/** What one attempt produced. */
export type AttemptResult<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly error: DatabrainApiError;
      readonly retry: RetryClass;
      readonly retryAfterMs: number | undefined;
    };

// Connection errors raised before any byte of the request was sent.
const NOT_SENT_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

const MAX_MESSAGE_LENGTH = 300;

function errorCodeOf(value: unknown): string | undefined {
  let current: unknown = value;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && NOT_SENT_CODES.has(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function classifyStatus(status: number): RetryClass {
  if (status === 429) return 'always';
  if (status >= 500) return 'idempotent';
  return 'never';
}

/**
 * Makes one attempt: sends the request with its own timeout (the caller's
 * signal also cancels it), reads the body under the same deadline and up to
 * `maxResponseBytes`, and
 * turns every outcome into either the value `call.read` takes from a JSON
 * object or a {@link DatabrainApiError}.
 */
export async function sendRequest<T>(
  options: ResolvedClientOptions,
  call: DatabrainCall<T>,
  signal: AbortSignal | undefined,
): Promise<AttemptResult<T>> {
  const { method, path } = DATABRAIN_ENDPOINT_TABLE[call.endpoint];
  const endpoint = `${method} ${path}`;
  const query = call.query?.toString() ?? '';
  const url = `${options.baseUrl}${path}${query === '' ? '' : `?${query}`}`;
  // Only a failure needs them, so they are gathered on the first one.
  let secrets: string[] | undefined;
  const secretsOfThisCall = (): string[] => {
    secrets ??= secretsOfCall([call.bearer, ...knownCredentials(options)], call.body);
    return secrets;
  };

  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), options.timeoutMs);
  const combined = signal ? AbortSignal.any([signal, deadline.signal]) : deadline.signal;

  const fail = (
    status: number,
    code: DatabrainErrorCode,
    message: string,
    retry: RetryClass,
    extra: { cause?: unknown; retryAfterMs?: number | undefined } = {},
  ): AttemptResult<never> => {
    const retryAfterMs = extra.retryAfterMs;
    const known = secretsOfThisCall();
    const build = (text: string): DatabrainApiError =>
      new DatabrainApiError({
        status,
        code,
        message: text,
        endpoint,
        ...(retryAfterMs === undefined ? {} : { retryAfter: Math.ceil(retryAfterMs / 1000) }),
        ...(extra.cause === undefined ? {} : { cause: scrubValue(extra.cause, known) }),
      });
    let error = build(scrubSecrets(message, known));
    // The endpoint appended to the message could complete a secret the message ends with.
    if (containsSecret(error.message, known)) error = build('DataBrain reported an error');
    return { ok: false, error, retry, retryAfterMs };
  };

  let response: Response;
  let text: string | undefined;
  try {
    const headers: Record<string, string> = {
      authorization: `Bearer ${call.bearer}`,
      accept: 'application/json',
    };
    const init: RequestInit = { method, headers, signal: combined, redirect: 'error' };
    if (call.body !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(call.body);
    }
    response = await options.fetch(url, init);
    text = await readCappedText(response, options.maxResponseBytes);
  } catch (cause) {
    if (signal?.aborted) {
      return {
        ok: false,
        error: abortedError(call.endpoint, signal.reason),
        retry: 'never',
        retryAfterMs: undefined,
      };
    }
    if (deadline.signal.aborted) {
      return fail(0, 'TIMEOUT', `DataBrain did not answer within ${options.timeoutMs} ms`, 'idempotent');
    }
    const notSent = errorCodeOf(cause);
    const detail = notSent ? ` (${notSent})` : '';
    return fail(
      0,
      'NETWORK_ERROR',
      `Could not reach DataBrain${detail}; check baseUrl and the network`,
      notSent ? 'always' : 'idempotent',
      { cause },
    );
  } finally {
    clearTimeout(timer);
  }

  if (text === undefined) {
    return fail(
      response.status,
      'RESPONSE_TOO_LARGE',
      `DataBrain answered with a body over ${options.maxResponseBytes} bytes (maxResponseBytes); reading stopped there`,
      'never',
    );
  }
  const body = parseJson(text);
  const envelope = parseErrorBody(body);
  if (!response.ok || envelope) {
    const status = response.status;
    const retryAfterMs = status === 429 ? parseRetryAfter(response.headers.get('retry-after')) : undefined;
    // Scrubbed before it is cut: a cut first could keep the prefix of a secret that straddles it.
    const upstream = envelope
      ? scrubSecrets(envelope.message, secretsOfThisCall()).slice(0, MAX_MESSAGE_LENGTH)
      : '';
    const retry = response.ok ? 'never' : classifyStatus(status);
    if (envelope && isDatabrainApiErrorCode(envelope.code)) {
      return fail(
        status,
        envelope.code,
        `${envelope.code}: ${upstream || 'DataBrain reported an error'}`,
        retry,
        {
          retryAfterMs,
        },
      );
    }
    const what = envelope
      ? `the unknown error code "${scrubSecrets(envelope.code, secretsOfThisCall()).slice(0, 64)}"`
      : 'an error without a DataBrain error body';
    return fail(status, 'UNKNOWN_ERROR', `DataBrain answered HTTP ${status} with ${what}`, retry, {
      retryAfterMs,
    });
  }
  if (!isRecord(body)) {
    return fail(
      response.status,
      'UNEXPECTED_RESPONSE',
      'DataBrain answered with a body that is not a JSON object',
      'never',
    );
  }
  const value = call.read(body);
  if (value === undefined) {
    return fail(
      response.status,
      'UNEXPECTED_RESPONSE',
      `DataBrain answered without ${call.expected}`,
      'never',
    );
  }
  return { ok: true, value };
}
