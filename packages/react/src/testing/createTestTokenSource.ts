import type { FetchToken, TokenEndpointResponse } from '../index.ts';

/**
 * One answer of a {@link createTestTokenSource}:
 * - a string: that token, never expiring;
 * - an object: `token` (default `test-token-<n>`), `expiresIn` in ms
 *   (default never), and `delayMs` before answering;
 * - an `Error`: the request fails with it.
 *
 * @example
 * ```ts
 * import type { TestTokenStep } from '@databrain-embed/react/testing';
 * const steps: TestTokenStep[] = ['tok-1', { token: 'tok-2', expiresIn: 1_000 }, new Error('down')];
 * ```
 */
export type TestTokenStep =
  | string
  | Error
  | { readonly token?: string; readonly expiresIn?: number | null; readonly delayMs?: number };

/**
 * Options of {@link createTestTokenSource}.
 *
 * @example
 * ```ts
 * import type { TestTokenSourceOptions } from '@databrain-embed/react/testing';
 * const options: TestTokenSourceOptions = { afterLastStep: 'fail' };
 * ```
 */
export interface TestTokenSourceOptions {
  /** After the last step: answer it again (`'repeat'`, the default) or fail every request (`'fail'`). */
  readonly afterLastStep?: 'repeat' | 'fail';
}

/**
 * A scripted `fetchToken` for `<DatabrainProvider>` that also tells the test
 * what was asked.
 *
 * @example
 * ```ts
 * const source = createTestTokenSource(['tok-1']);
 * source.calls; // 1 once the provider asked
 * ```
 */
export interface TestTokenSource extends FetchToken {
  /** How many requests were made, including failed and aborted ones. */
  readonly calls: number;
  /** The answers given so far, oldest first. */
  readonly answers: readonly TokenEndpointResponse[];
  /** How many requests the provider aborted. */
  readonly aborted: number;
}

function checkStep(step: unknown, index: number): void {
  const at = `createTestTokenSource: steps[${index}]`;
  if (step instanceof Error) return;
  if (typeof step === 'string') {
    if (step === '') throw new TypeError(`[databrain-embed] ${at} must not be an empty token.`);
    return;
  }
  if (typeof step !== 'object' || step === null) {
    throw new TypeError(
      `[databrain-embed] ${at} must be a token string, an Error, or { token?, expiresIn?, delayMs? }.`,
    );
  }
  const { token, expiresIn, delayMs } = step as Record<string, unknown>;
  if (token !== undefined && (typeof token !== 'string' || token === '')) {
    throw new TypeError(`[databrain-embed] ${at}.token must be a non-empty string.`);
  }
  if (expiresIn !== undefined && expiresIn !== null && !(typeof expiresIn === 'number' && expiresIn >= 0)) {
    throw new TypeError(`[databrain-embed] ${at}.expiresIn must be a number of ms ≥ 0, or null (never).`);
  }
  if (delayMs !== undefined && !(typeof delayMs === 'number' && Number.isFinite(delayMs) && delayMs >= 0)) {
    throw new TypeError(`[databrain-embed] ${at}.delayMs must be a finite number of ms ≥ 0.`);
  }
}

function abortError(): Error {
  const error = new Error('The token request was aborted.');
  error.name = 'AbortError';
  return error;
}

/** Waits `ms` (through `setTimeout`, so fake timers drive it) unless `signal` aborts first. */
function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * A token source with no server: pass it to `<DatabrainProvider fetchToken>`
 * in component tests. Each request takes the next step of the script: a
 * token, a token that expires, a slow answer, or a failure. Steps are checked
 * when the source is created.
 *
 * @example
 * ```tsx
 * import { createTestTokenSource, recordingElementsLoader } from '@databrain-embed/react/testing';
 * const source = createTestTokenSource([{ token: 'tok-1', expiresIn: 60_000 }, new Error('down'), 'tok-2']);
 * render(
 *   <DatabrainProvider fetchToken={source} loadElements={recordingElementsLoader}>
 *     <Dashboard dashboardId="sales-overview" />
 *   </DatabrainProvider>,
 * );
 * ```
 */
export function createTestTokenSource(
  steps: TestTokenStep | readonly TestTokenStep[],
  options: TestTokenSourceOptions = {},
): TestTokenSource {
  const script: readonly TestTokenStep[] = Array.isArray(steps) ? steps : [steps as TestTokenStep];
  if (script.length === 0) {
    throw new TypeError('[databrain-embed] createTestTokenSource: steps must hold at least one step.');
  }
  script.forEach(checkStep);
  if (options.afterLastStep !== undefined && !['repeat', 'fail'].includes(options.afterLastStep)) {
    throw new TypeError("[databrain-embed] createTestTokenSource: afterLastStep must be 'repeat' or 'fail'.");
  }
  const answers: TokenEndpointResponse[] = [];
  let calls = 0;
  let aborted = 0;

  const source = async (signal: AbortSignal): Promise<TokenEndpointResponse> => {
    calls += 1;
    const call = calls;
    const last = script.length - 1;
    if (call - 1 > last && options.afterLastStep === 'fail') {
      throw new Error(
        `[databrain-embed] test token source: request ${call} came after the last of ${script.length} steps.`,
      );
    }
    const step = script[Math.min(call - 1, last)] as TestTokenStep;
    try {
      if (signal.aborted) throw abortError();
      if (typeof step === 'object' && !(step instanceof Error) && step.delayMs)
        await wait(step.delayMs, signal);
    } catch (error) {
      aborted += 1;
      throw error;
    }
    if (step instanceof Error) throw step;
    const answer: TokenEndpointResponse =
      typeof step === 'string'
        ? { token: step, expiresIn: null }
        : { token: step.token ?? `test-token-${call}`, expiresIn: step.expiresIn ?? null };
    answers.push(answer);
    return answer;
  };

  Object.defineProperties(source, {
    calls: { get: () => calls },
    answers: { get: () => answers },
    aborted: { get: () => aborted },
  });
  return source as TestTokenSource;
}
