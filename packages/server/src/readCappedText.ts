/**
 * A request's or response's body as text (`''` for none), read chunk by chunk and given up (the stream cancelled,
 * so the connection closes) as soon as it passes `maxBytes`: a huge or
 * endless answer never sits in memory whole. `undefined` when it was too large.
 */
export async function readCappedText(
  message: Request | Response,
  maxBytes: number,
): Promise<string | undefined> {
  const declared = Number(message.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await message.body?.cancel();
    return undefined;
  }
  if (message.body === null) return '';
  const reader = message.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    total += read.value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(read.value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}
