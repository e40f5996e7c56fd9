import type { IncomingMessage } from 'node:http';
import { EmulatorHttpError } from './EmulatorHttpError.ts';

/** The largest body the emulator reads, as DataBrain-sized requests are tiny. */
export const MAX_BODY_BYTES: number = 1024 * 1024;

// Past this the connection is cut instead of drained, so a runaway upload
// cannot keep the emulator busy.
const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * Reads and parses a JSON body. Too large → 413; not JSON → 400
 * INVALID_REQUEST_BODY. An oversized body is still drained so the client
 * receives the 413 instead of a reset connection.
 */
export async function readJsonBody(
  request: IncomingMessage,
  maxBytes: number = MAX_BODY_BYTES,
): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > DRAIN_LIMIT_BYTES) {
      request.destroy();
      break;
    }
    if (size <= maxBytes) chunks.push(chunk);
  }
  if (size > maxBytes) {
    throw new EmulatorHttpError(
      413,
      'INVALID_REQUEST_BODY',
      `Request body is larger than ${maxBytes} bytes; DataBrain requests are small JSON objects.`,
    );
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') {
    throw new EmulatorHttpError(400, 'INVALID_REQUEST_BODY', 'Request body is empty; send a JSON object.');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new EmulatorHttpError(400, 'INVALID_REQUEST_BODY', 'Request body is not valid JSON.');
  }
}
