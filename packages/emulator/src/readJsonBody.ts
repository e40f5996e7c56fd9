import { EmulatorHttpError } from './EmulatorHttpError.ts';

/** The largest body the emulator reads, as DataBrain-sized requests are tiny. */
export const MAX_BODY_BYTES: number = 1024 * 1024;

function tooLarge(maxBytes: number): EmulatorHttpError {
  return new EmulatorHttpError(
    413,
    'INVALID_REQUEST_BODY',
    `Request body is larger than ${maxBytes} bytes; DataBrain requests are small JSON objects.`,
  );
}

/** Reads at most `maxBytes` of `body`; `undefined` once it is longer, after cancelling the rest. */
async function readCapped(
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
): Promise<Uint8Array | undefined> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      // Cancelling lets the body's source decide what to do with the rest
      // (the node:http adapter drains it, so the client still gets the 413).
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Reads and parses the JSON body of a Fetch `Request`. Too large → 413; not
 * JSON → 400 INVALID_REQUEST_BODY. The body is read as a stream and no more
 * than `maxBytes` of it is kept.
 */
export async function readJsonBody(request: Request, maxBytes: number = MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    if (request.body) await request.body.cancel();
    throw tooLarge(maxBytes);
  }
  const bytes = request.body ? await readCapped(request.body, maxBytes) : new Uint8Array(0);
  if (bytes === undefined) throw tooLarge(maxBytes);
  const text = new TextDecoder().decode(bytes);
  if (text.trim() === '') {
    throw new EmulatorHttpError(400, 'INVALID_REQUEST_BODY', 'Request body is empty; send a JSON object.');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new EmulatorHttpError(400, 'INVALID_REQUEST_BODY', 'Request body is not valid JSON.');
  }
}
