/**
 * One answered (or dropped) request. No header values are kept, so the log
 * never holds a credential. `status` is `0` when no answer went out: a fault
 * dropped the connection, or the client aborted first.
 *
 * @example
 * ```ts
 * emulator.requests.filter((entry) => entry.path === '/api/v2/guest-token/create').length;
 * ```
 */
export interface EmulatorRequestLogEntry {
  readonly method: string;
  readonly path: string;
  readonly status: number;
}
