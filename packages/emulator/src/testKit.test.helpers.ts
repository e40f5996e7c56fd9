import { EMULATOR_API_KEY, EMULATOR_SERVICE_TOKEN } from './emulatorSeed.ts';

/** Reads a fetch answer as `{ status, body }` (the body parsed from JSON when there is one). */
export async function readAnswer(response: Response): Promise<{ status: number; body: unknown }> {
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

/** POSTs a JSON body with a bearer credential (or none with `credential: null`). */
export async function postJson(
  url: string,
  body: unknown,
  credential: string | null,
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(credential === null ? {} : { authorization: `Bearer ${credential}` }),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { ...(await readAnswer(response)), headers: response.headers };
}

export const apiKey: string = EMULATOR_API_KEY;
export const serviceToken: string = EMULATOR_SERVICE_TOKEN;
