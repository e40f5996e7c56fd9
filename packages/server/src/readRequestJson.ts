/** What reading a request's JSON body gave. */
export type RequestJson =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly problem: 'missing' | 'too-large' | 'not-json' };

/**
 * Reads a request's body as JSON, chunk by chunk, giving up (and cancelling
 * the stream) as soon as it passes `maxBytes`: a huge or endless body never
 * sits in memory whole.
 */
export async function readRequestJson(request: Request, maxBytes: number): Promise<RequestJson> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await request.body?.cancel();
    return { ok: false, problem: 'too-large' };
  }
  if (request.body === null) return { ok: false, problem: 'missing' };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    total += read.value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return { ok: false, problem: 'too-large' };
    }
    chunks.push(read.value);
  }
  if (total === 0) return { ok: false, problem: 'missing' };
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return { ok: true, value: JSON.parse(new TextDecoder().decode(bytes)) as unknown };
  } catch {
    return { ok: false, problem: 'not-json' };
  }
}
