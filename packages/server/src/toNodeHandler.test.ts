import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { toNodeHandler } from './toNodeHandler.ts';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    ),
  );
});

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A Fetch handler that describes the request it received. */
async function echo(request: Request): Promise<Response> {
  const headers = new Headers({ 'content-type': 'application/json', 'x-answer': 'yes' });
  headers.append('set-cookie', 'a=1; Path=/');
  headers.append('set-cookie', 'b=2; Path=/');
  return new Response(
    JSON.stringify({
      method: request.method,
      url: request.url,
      custom: request.headers.get('x-custom'),
      body: await request.text(),
    }),
    { status: 201, headers },
  );
}

describe('toNodeHandler', () => {
  it('turns a node:http request into a Fetch Request and writes the Response back', async () => {
    const url = await listen(createServer(toNodeHandler(echo)));
    const response = await fetch(`${url}/api/token?x=1`, {
      method: 'POST',
      headers: { 'x-custom': 'hello', 'content-type': 'text/plain' },
      body: 'payload',
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-answer')).toBe('yes');
    expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    const port = new URL(url).port;
    expect(await response.json()).toEqual({
      method: 'POST',
      url: `http://127.0.0.1:${port}/api/token?x=1`,
      custom: 'hello',
      body: 'payload',
    });
  });

  it('passes GET requests without a body', async () => {
    const url = await listen(createServer(toNodeHandler(echo)));
    const response = await fetch(`${url}/path`);
    expect(await response.json()).toMatchObject({ method: 'GET', body: '' });
  });

  it('works as Express middleware, also after a body parser consumed the body', async () => {
    const app = express();
    app.use(express.json());
    app.post('/api/token', toNodeHandler(echo));
    const url = await listen(createServer(app));
    const response = await fetch(`${url}/api/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-custom': 'express' },
      body: JSON.stringify({ ignored: true }),
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ method: 'POST', custom: 'express', body: '' });
  });

  it("hands a failing handler's error to Express's next", async () => {
    const app = express();
    const failure = new Error('boom');
    const seen: unknown[] = [];
    app.post(
      '/api/token',
      toNodeHandler(() => Promise.reject(failure)),
    );
    app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      seen.push(error);
      res.status(503).send('handled');
    });
    const url = await listen(createServer(app));
    const response = await fetch(`${url}/api/token`, { method: 'POST' });
    expect(response.status).toBe(503);
    expect(seen).toEqual([failure]);
  });

  it('answers a bare 500 on node:http when the handler fails', async () => {
    const url = await listen(createServer(toNodeHandler(() => Promise.reject(new Error('secret detail')))));
    const response = await fetch(`${url}/`, { method: 'POST' });
    expect(response.status).toBe(500);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toBe('');
  });

  it('aborts the request signal when the client hangs up', async () => {
    let signalled: () => void = () => {};
    const aborted = new Promise<void>((resolve) => {
      signalled = resolve;
    });
    let started: () => void = () => {};
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    const url = await listen(
      createServer(
        toNodeHandler(
          (request) =>
            new Promise<Response>((resolve) => {
              request.signal.addEventListener('abort', () => {
                signalled();
                resolve(new Response(null, { status: 499 }));
              });
              started();
            }),
        ),
      ),
    );
    const controller = new AbortController();
    const pending = fetch(`${url}/`, { method: 'POST', signal: controller.signal }).catch(() => undefined);
    await running;
    controller.abort();
    await pending;
    await expect(aborted).resolves.toBeUndefined();
  }, 15_000);
});
