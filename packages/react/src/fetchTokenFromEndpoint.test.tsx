import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchTokenFromEndpoint } from './fetchTokenFromEndpoint.ts';
import { parseTokenEndpointResponse } from './parseTokenEndpointResponse.ts';

function answer(body: unknown, status = 200): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetchTokenFromEndpoint', () => {
  it('POSTs with same-origin credentials and returns the token and lifetime', async () => {
    const fetch = vi.fn(async (_url: string, _init?: RequestInit) =>
      answer({ token: 'tok', expiresIn: 1000 }),
    );
    vi.stubGlobal('fetch', fetch);
    const signal = new AbortController().signal;
    await expect(fetchTokenFromEndpoint('/api/databrain/token', signal)).resolves.toEqual({
      token: 'tok',
      expiresIn: 1000,
    });
    expect(fetch).toHaveBeenCalledWith(
      '/api/databrain/token',
      expect.objectContaining({ method: 'POST', credentials: 'same-origin', signal }),
    );
  });

  it('names the endpoint and status when the answer is not OK', async () => {
    vi.stubGlobal('fetch', async () => answer({ error: 'nope' }, 401));
    await expect(fetchTokenFromEndpoint('/t', new AbortController().signal)).rejects.toThrow(
      '[databrain-embed] The token endpoint /t answered HTTP 401.',
    );
  });

  it('says so when the answer is not JSON', async () => {
    vi.stubGlobal('fetch', async () => answer('<html>', 200));
    await expect(fetchTokenFromEndpoint('/t', new AbortController().signal)).rejects.toThrow(
      /did not answer JSON/,
    );
  });

  it('says so when the endpoint cannot be reached', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('fetch failed');
    });
    await expect(fetchTokenFromEndpoint('/t', new AbortController().signal)).rejects.toThrow(
      /Could not reach the token endpoint \/t/,
    );
  });
});

describe('parseTokenEndpointResponse', () => {
  it('accepts a token that never expires', () => {
    expect(parseTokenEndpointResponse({ token: 'a', expiresIn: null }, 'src')).toEqual({
      token: 'a',
      expiresIn: null,
    });
  });

  it.each([
    [null, /answered null/],
    [[], /answered an array/],
    [{ expiresIn: 5 }, /"token" is undefined/],
    [{ token: '', expiresIn: 5 }, /"token" is an empty string/],
    [{ token: 'a' }, /"expiresIn" is undefined/],
    [{ token: 'a', expiresIn: -1 }, /"expiresIn" is -1/],
    [{ token: 'a', expiresIn: '60' }, /"expiresIn" is string/],
  ])('rejects %j with a clear message', (value, message) => {
    expect(() => parseTokenEndpointResponse(value, 'The token endpoint /t')).toThrow(message);
  });

  it('never puts the token in a message', () => {
    expect(() => parseTokenEndpointResponse({ token: 'secret-token', expiresIn: 'soon' }, 'src')).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('secret-token') }),
    );
  });
});
