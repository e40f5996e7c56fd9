import { readCappedText } from './readCappedText.ts';

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
  const text = await readCappedText(request, maxBytes);
  if (text === undefined) return { ok: false, problem: 'too-large' };
  if (text === '') return { ok: false, problem: 'missing' };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, problem: 'not-json' };
  }
}
