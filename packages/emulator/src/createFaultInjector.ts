/**
 * A fault that answers with an error status instead of the real answer.
 * `429` adds a `Retry-After` header (`retryAfter` seconds, default 1;
 * `null` sends none).
 *
 * @example
 * ```ts
 * emulator.faults.add({ path: '/api/v2/guest-token/create', status: 429, times: 1, retryAfter: 2 });
 * ```
 */
export interface StatusFault {
  readonly path?: string;
  readonly status: 500 | 503 | 429;
  readonly times: number;
  readonly retryAfter?: number | null;
}

/**
 * A fault that delays the answer by `latencyMs`; `times` defaults to every
 * request.
 *
 * @example
 * ```ts
 * emulator.faults.add({ latencyMs: 2_000, times: 1 });
 * ```
 */
export interface LatencyFault {
  readonly path?: string;
  readonly latencyMs: number;
  readonly times?: number;
}

/**
 * A fault that closes the connection without any answer.
 *
 * @example
 * ```ts
 * emulator.faults.add({ drop: true, times: 1 });
 * ```
 */
export interface DropFault {
  readonly path?: string;
  readonly drop: true;
  readonly times: number;
}

/**
 * Any fault `emulator.faults.add` accepts. A fault with a `path` matches
 * only requests to exactly that path (no query string); without one it
 * matches every path. CORS preflights are never faulted.
 *
 * @example
 * ```ts
 * import type { EmulatorFault } from '@databrain-embed/emulator';
 * const fault: EmulatorFault = { status: 503, times: 2 };
 * ```
 */
export type EmulatorFault = StatusFault | LatencyFault | DropFault;

/**
 * What the faults decide for one request: a delay, then either the normal
 * answer, an error status, or a dropped connection.
 *
 * @example
 * ```ts
 * import type { FaultDecision } from '@databrain-embed/emulator';
 * const decision: FaultDecision = { delayMs: 0, outcome: { kind: 'status', status: 429, retryAfter: 1 } };
 * ```
 */
export interface FaultDecision {
  readonly delayMs: number;
  readonly outcome:
    | { readonly kind: 'none' }
    | { readonly kind: 'status'; readonly status: 500 | 503 | 429; readonly retryAfter: number | null }
    | { readonly kind: 'drop' };
}

/**
 * The fault controls of a running emulator.
 *
 * @example
 * ```ts
 * emulator.faults.add({ status: 500, times: 1 });
 * emulator.faults.pending(); // 1
 * emulator.faults.clear();
 * ```
 */
export interface EmulatorFaults {
  /** Queues a fault; faults are used in the order they were added. */
  add(fault: EmulatorFault): void;
  /** Removes every queued fault. */
  clear(): void;
  /** How many faults still have uses left. */
  pending(): number;
}

interface Slot {
  readonly fault: EmulatorFault;
  remaining: number;
}

function checkFault(fault: EmulatorFault): void {
  const times = 'times' in fault ? fault.times : undefined;
  if (times !== undefined && !(Number.isInteger(times) && times > 0) && times !== Number.POSITIVE_INFINITY) {
    throw new TypeError('[databrain-embed] emulator fault: `times` must be a positive integer');
  }
  if ('latencyMs' in fault && !(Number.isFinite(fault.latencyMs) && fault.latencyMs >= 0)) {
    throw new TypeError('[databrain-embed] emulator fault: `latencyMs` must be a non-negative number');
  }
  if ('status' in fault && ![500, 503, 429].includes(fault.status)) {
    throw new TypeError('[databrain-embed] emulator fault: `status` must be 500, 503 or 429');
  }
  const retryAfter = 'retryAfter' in fault ? fault.retryAfter : undefined;
  if (retryAfter != null && !(Number.isInteger(retryAfter) && retryAfter >= 0)) {
    throw new TypeError('[databrain-embed] emulator fault: `retryAfter` must be whole seconds ≥ 0 or null');
  }
}

/**
 * Creates the fault queue of one emulator. `decide(path)` consumes the
 * matching faults for one request.
 *
 * @example
 * ```ts
 * import { createFaultInjector } from '@databrain-embed/emulator';
 * const faults = createFaultInjector();
 * faults.add({ status: 503, times: 1 });
 * faults.decide('/api/v2/workspace').outcome.kind; // 'status'
 * ```
 */
export function createFaultInjector(): EmulatorFaults & { decide(path: string): FaultDecision } {
  let slots: Slot[] = [];
  return {
    add(fault) {
      checkFault(fault);
      const times = 'times' in fault && fault.times !== undefined ? fault.times : Number.POSITIVE_INFINITY;
      slots.push({ fault, remaining: times });
    },
    clear() {
      slots = [];
    },
    pending() {
      return slots.length;
    },
    decide(path) {
      let delayMs = 0;
      let outcome: FaultDecision['outcome'] = { kind: 'none' };
      for (const slot of slots) {
        if (slot.fault.path !== undefined && slot.fault.path !== path) continue;
        if ('latencyMs' in slot.fault) {
          delayMs += slot.fault.latencyMs;
          slot.remaining -= 1;
        } else if (outcome.kind === 'none') {
          outcome =
            'drop' in slot.fault
              ? { kind: 'drop' }
              : {
                  kind: 'status',
                  status: slot.fault.status,
                  retryAfter: slot.fault.retryAfter === undefined ? 1 : slot.fault.retryAfter,
                };
          slot.remaining -= 1;
        }
      }
      slots = slots.filter((slot) => slot.remaining > 0);
      return { delayMs, outcome };
    },
  };
}
