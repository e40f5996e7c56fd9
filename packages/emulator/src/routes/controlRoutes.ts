import { isRecord } from '@databrain-embed/core/internal';
import type { EmulatorClock } from '../createEmulatorClock.ts';
import type { EmulatorFault, EmulatorFaults } from '../createFaultInjector.ts';
import { EmulatorHttpError } from '../EmulatorHttpError.ts';
import type { EmulatorState } from '../EmulatorState.ts';
import type { RouteContext, RouteHandlers, RouteResult } from './RouteContext.ts';

/**
 * Paths of the test-control routes: what a running emulator's `clock`,
 * `faults`, `getTokenClaims` and `requests` do in-process, over HTTP for
 * other processes (Vitest workers, Playwright tests, a shell). Never faulted,
 * never logged, never part of DataBrain's API.
 *
 * @example
 * ```ts
 * import { CONTROL_PATHS } from '@databrain-embed/emulator/testing';
 * await fetch(`${emulatorUrl}${CONTROL_PATHS.clock}`, { method: 'POST', body: JSON.stringify({ advanceMs: 60_000 }) });
 * ```
 */
export const CONTROL_PATHS = {
  health: '/__emulator/health',
  clock: '/__emulator/clock',
  tokenClaims: '/__emulator/token-claims',
  faults: '/__emulator/faults',
  clearFaults: '/__emulator/faults/clear',
  requests: '/__emulator/requests',
} as const;

/** What the control routes act on. */
export interface ControlTarget {
  readonly clock: EmulatorClock;
  readonly faults: EmulatorFaults;
  readonly state: EmulatorState;
  readonly requests: () => readonly unknown[];
}

const badBody = (message: string) => new EmulatorHttpError(400, 'INVALID_REQUEST_BODY', message);

async function recordBody(context: RouteContext): Promise<Record<string, unknown>> {
  const body = await context.json();
  if (!isRecord(body)) throw badBody('The body must be a JSON object.');
  return body;
}

function clockAnswer(clock: EmulatorClock): RouteResult {
  return { status: 200, body: { now: clock.now() } };
}

/** Runs `change`, turning a rejected argument into 400 with the rule it broke. */
function checked<T>(change: () => T): T {
  try {
    return change();
  } catch (error) {
    throw badBody(error instanceof Error ? error.message : String(error));
  }
}

/**
 * The test-control routes of one emulator, by path.
 *
 * - `GET /__emulator/health` → `{ status: 'ok', now }` (a readiness URL for Playwright's `webServer`)
 * - `GET /__emulator/clock` → `{ now }`; `POST` with `{ advanceMs }`, `{ setTo }` or `{ reset: true }`
 * - `POST /__emulator/token-claims` with `{ token }` → `{ claims }`, 404 `UNKNOWN_TOKEN`
 * - `POST /__emulator/faults` with a fault → `{ pending }`; `POST /__emulator/faults/clear`
 * - `GET /__emulator/requests` → `{ requests }`
 */
export function createControlRoutes(target: ControlTarget): ReadonlyMap<string, RouteHandlers> {
  const { clock, faults, state } = target;
  return new Map<string, RouteHandlers>([
    [CONTROL_PATHS.health, { GET: async () => ({ status: 200, body: { status: 'ok', now: clock.now() } }) }],
    [
      CONTROL_PATHS.clock,
      {
        GET: async () => clockAnswer(clock),
        POST: async (context) => {
          const body = await recordBody(context);
          if ('advanceMs' in body) checked(() => clock.advance(body.advanceMs as number));
          else if ('setTo' in body) checked(() => clock.set(body.setTo as number));
          else if (body.reset === true) clock.reset();
          else throw badBody('Send `{ advanceMs }`, `{ setTo }` (epoch ms) or `{ reset: true }`.');
          return clockAnswer(clock);
        },
      },
    ],
    [
      CONTROL_PATHS.tokenClaims,
      {
        POST: async (context) => {
          const { token } = await recordBody(context);
          if (typeof token !== 'string' || token === '') throw badBody('`token` must be a non-empty string.');
          const claims = state.tokens.get(token);
          if (!claims)
            throw new EmulatorHttpError(404, 'UNKNOWN_TOKEN', 'This emulator did not issue that token.');
          return { status: 200, body: { claims } };
        },
      },
    ],
    [
      CONTROL_PATHS.faults,
      {
        POST: async (context) => {
          const fault = await recordBody(context);
          if (!('status' in fault || 'latencyMs' in fault || fault.drop === true)) {
            throw badBody('A fault needs `status` (500, 503, 429), `latencyMs`, or `drop: true`.');
          }
          if ('path' in fault && (typeof fault.path !== 'string' || !fault.path.startsWith('/'))) {
            throw badBody('`path` must be a path starting with `/`, e.g. `/api/v2/guest-token/create`.');
          }
          checked(() => faults.add(fault as unknown as EmulatorFault));
          return { status: 200, body: { pending: faults.pending() } };
        },
      },
    ],
    [
      CONTROL_PATHS.clearFaults,
      {
        POST: async () => {
          faults.clear();
          return { status: 200, body: { pending: 0 } };
        },
      },
    ],
    [CONTROL_PATHS.requests, { GET: async () => ({ status: 200, body: { requests: target.requests() } }) }],
  ]);
}
