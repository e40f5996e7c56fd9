import type { EmulatorState } from '../EmulatorState.ts';

/**
 * What a route handler gets for one request: the Fetch-standard `Request`,
 * so the same handlers answer over node:http and in a browser page.
 */
export interface RouteContext {
  readonly request: Request;
  readonly url: URL;
  readonly state: EmulatorState;
  readonly now: () => number;
  /** Reads the JSON body (413 / 400 as {@link readJsonBody} decides). */
  readonly json: () => Promise<unknown>;
}

/** A successful answer: a status and a JSON body. */
export interface RouteResult {
  readonly status: number;
  readonly body: unknown;
}

/** One endpoint: its handler per HTTP method. */
export type RouteHandlers = Readonly<
  Partial<Record<'GET' | 'POST', (context: RouteContext) => Promise<RouteResult>>>
>;
