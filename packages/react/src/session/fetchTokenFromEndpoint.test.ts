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

  it('sends the token an element reported expired as x-databrain-expired-token, and no such header otherwise', async () => {
    const fetch = vi.fn(async (_url: string, _init?: RequestInit) =>
      answer({ token: 'new', expiresIn: 1000 }),
    );
    vi.stubGlobal('fetch', fetch);
    const signal = new AbortController().signal;
    await fetchTokenFromEndpoint('/t', signal, { expiredToken: 'old-token' });
    await fetchTokenFromEndpoint('/t', signal);
    const headers = fetch.mock.calls.map(([, init]) => new Headers(init?.headers));
    expect(headers[0]?.get('x-databrain-expired-token')).toBe('old-token');
    expect(headers[1]?.has('x-databrain-expired-token')).toBe(false);
  });

  it('names the endpoint and status when the answer is not OK', async () => {
    vi.stubGlobal('fetch', async () => answer({ error: 'nope' }, 401));
    await expect(fetchTokenFromEndpoint('/t', new AbortController().signal)).rejects.toMatchObject({
      code: 'TOKEN_HTTP',
      message: '[databrain-embed] POST /t answered HTTP 401.',
    });
  });

  it('says so when the answer is not JSON', async () => {
    vi.stubGlobal('fetch', async () => answer('<html>', 200));
    await expect(fetchTokenFromEndpoint('/t', new AbortController().signal)).rejects.toMatchObject({
      code: 'TOKEN_NOT_JSON',
      message: '[databrain-embed] POST /t answered no JSON.',
    });
  });

  it('says so when the endpoint cannot be reached', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('fetch failed');
    });
    await expect(fetchTokenFromEndpoint('/t', new AbortController().signal)).rejects.toMatchObject({
      code: 'TOKEN_UNREACHABLE',
      message: '[databrain-embed] POST /t could not reach the server.',
    });
  });
});

describe('parseTokenEndpointResponse', () => {
  it('accepts a token that never expires', () => {
    expect(parseTokenEndpointResponse({ token: 'a', expiresIn: null }, 'src')).toEqual({
      token: 'a',
      expiresIn: null,
    });
  });

  const tokenRule = '[databrain-embed] POST /t: "token" must be a non-empty string.';
  const expiresInRule = '[databrain-embed] POST /t: "expiresIn" must be a number ≥ 0 (ms) or null.';
  it.each([
    [null, tokenRule],
    [[], tokenRule],
    ['token', tokenRule],
    [{ expiresIn: 5 }, tokenRule],
    [{ token: '', expiresIn: 5 }, tokenRule],
    [{ token: 42, expiresIn: 5 }, tokenRule],
    [{ token: 'a' }, expiresInRule],
    [{ token: 'a', expiresIn: -1 }, expiresInRule],
    [{ token: 'a', expiresIn: '60' }, expiresInRule],
    [{ token: 'a', expiresIn: Number.POSITIVE_INFINITY }, expiresInRule],
  ])('rejects %j naming the field and its rule', (value, message) => {
    expect(() => parseTokenEndpointResponse(value, 'POST /t')).toThrow(
      expect.objectContaining({ code: 'TOKEN_SHAPE', message }),
    );
  });

  it('never puts the token in a message', () => {
    expect(() => parseTokenEndpointResponse({ token: 'secret-token', expiresIn: 'soon' }, 'src')).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('secret-token') }),
    );
  });
});
