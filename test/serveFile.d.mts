import type { IncomingMessage, ServerResponse } from 'node:http';

/** Answers `request` with the file of `root` (an absolute path) its URL names. */
export declare function serveFile(
  root: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void>;
