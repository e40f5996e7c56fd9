import { DatabrainError } from '@databrain-embed/core';
import { isRecord } from '@databrain-embed/core/internal';
import type { EmulatorFault } from './createFaultInjector.ts';
import type { EmulatorRequestLogEntry } from './EmulatorRequestLogEntry.ts';
import type { GuestTokenClaims } from './GuestTokenClaims.ts';
import { CONTROL_PATHS } from './routes/controlRoutes.ts';

/**
 * A running emulator driven over HTTP from another process: the same
 * controls as `startEmulator`'s result (`clock`, `faults`, `getTokenClaims`,
 * `requests`), each an async call.
 *
 * @example
 * ```ts
 * const emulator = connectEmulator(process.env.DATABRAIN_EMULATOR_URL);
 * await emulator.clock.advance(61_000);
 * ```
 */
export interface EmulatorConnection {
  /** Base URL, without a trailing slash. */
  readonly url: string;
  readonly clock: {
    /** The emulator's current time, epoch ms. */
    now(): Promise<number>;
    /** Moves the emulator's clock forward by `ms`; resolves to the new time. */
    advance(ms: number): Promise<number>;
    /** Sets the emulator's clock to `epochMs`; resolves to the new time. */
    set(epochMs: number): Promise<number>;
    /** Makes the emulator follow its base clock again. */
    reset(): Promise<number>;
  };
  readonly faults: {
    /** Queues a fault; resolves to how many faults are pending. */
    add(fault: EmulatorFault): Promise<number>;
    clear(): Promise<void>;
  };
  /** The claims of a token this emulator issued, or `undefined`. */
  getTokenClaims(token: string): Promise<GuestTokenClaims | undefined>;
  /** Every request the emulator answered so far, oldest first (control calls excluded). */
  requests(): Promise<readonly EmulatorRequestLogEntry[]>;
}

const fail = (message: string, cause?: unknown) =>
  new DatabrainError('VALIDATION_ERROR', `connectEmulator: ${message}`, cause === undefined ? {} : { cause });

function requireNumber(value: unknown, name: string, rule: 'finite' | 'non-negative'): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || (rule === 'non-negative' && value < 0)) {
    throw fail(
      `\`${name}\` must be a ${rule === 'finite' ? 'finite number (epoch ms)' : 'finite number of ms ≥ 0'}.`,
    );
  }
  return value;
}

/**
 * Connects to an emulator that runs elsewhere (a Vitest `globalSetup`, the
 * `databrain-emulator` CLI under Playwright's `webServer`) through its
 * test-control routes (`/__emulator/...`). Arguments are checked before any
 * request; an answer the emulator refuses rejects with its message.
 *
 * @example
 * ```ts
 * import { connectEmulator } from '@databrain-embed/emulator/testing';
 * const emulator = connectEmulator('http://127.0.0.1:4555');
 * const claims = await emulator.getTokenClaims(token);
 * await emulator.faults.add({ path: '/api/v2/guest-token/create', status: 503, times: 1 });
 * await emulator.clock.advance(3_600_000);
 * ```
 */
export function connectEmulator(url: string | undefined): EmulatorConnection {
  if (typeof url !== 'string' || !/^https?:\/\/[^/]/.test(url)) {
    throw fail(
      '`url` must be the emulator\'s http(s) base URL, e.g. "http://127.0.0.1:4555" (is DATABRAIN_EMULATOR_URL set?).',
    );
  }
  const base = url.replace(/\/+$/, '');

  async function call(
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        ...(body === undefined
          ? {}
          : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      });
    } catch (cause) {
      throw new DatabrainError('NETWORK_ERROR', `connectEmulator: cannot reach the emulator at ${base}.`, {
        cause,
      });
    }
    const parsed: unknown = await response.json().catch(() => ({}));
    return { status: response.status, body: isRecord(parsed) ? parsed : {} };
  }

  async function expectOk(path: string, body?: unknown): Promise<Record<string, unknown>> {
    const answer = await call(path, body);
    if (answer.status >= 200 && answer.status < 300) return answer.body;
    const error = isRecord(answer.body.error) ? answer.body.error : {};
    throw new DatabrainError(
      'UNEXPECTED_RESPONSE',
      `connectEmulator: ${path} answered ${answer.status}: ${typeof error.message === 'string' ? error.message : 'no message'}`,
    );
  }

  const timeOf = async (path: string, body?: unknown) => Number((await expectOk(path, body)).now);

  return {
    url: base,
    clock: {
      now: () => timeOf(CONTROL_PATHS.clock),
      advance: async (ms) =>
        timeOf(CONTROL_PATHS.clock, { advanceMs: requireNumber(ms, 'ms', 'non-negative') }),
      set: async (epochMs) =>
        timeOf(CONTROL_PATHS.clock, { setTo: requireNumber(epochMs, 'epochMs', 'finite') }),
      reset: () => timeOf(CONTROL_PATHS.clock, { reset: true }),
    },
    faults: {
      add: async (fault) => {
        if (!isRecord(fault)) throw fail('a fault must be an object such as `{ status: 503, times: 1 }`.');
        return Number((await expectOk(CONTROL_PATHS.faults, fault)).pending);
      },
      clear: async () => {
        await expectOk(CONTROL_PATHS.clearFaults, {});
      },
    },
    async getTokenClaims(token) {
      if (typeof token !== 'string' || token === '') throw fail('`token` must be a non-empty string.');
      const answer = await call(CONTROL_PATHS.tokenClaims, { token });
      if (answer.status === 404) return undefined;
      if (answer.status !== 200 || !isRecord(answer.body.claims)) {
        throw new DatabrainError(
          'UNEXPECTED_RESPONSE',
          `connectEmulator: token-claims answered ${answer.status}.`,
        );
      }
      return answer.body.claims as unknown as GuestTokenClaims;
    },
    async requests() {
      const body = await expectOk(CONTROL_PATHS.requests);
      return Array.isArray(body.requests) ? (body.requests as EmulatorRequestLogEntry[]) : [];
    },
  };
}
