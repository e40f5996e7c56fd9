/** A redis-server started by {@link startRedisServer}. */
export interface RunningRedisServer {
  readonly port: number;
  /** `redis://127.0.0.1:<port>` */
  readonly url: string;
  /** Stops the server (SIGTERM, then SIGKILL after 5 s); resolves once it exited. */
  stop(): Promise<void>;
}

/**
 * Starts `redis-server --port N --bind 127.0.0.1 --save '' --appendonly no`
 * on a free port. Fails with how to install it when the binary is missing.
 */
export function startRedisServer(): Promise<RunningRedisServer>;
