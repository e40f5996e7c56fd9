import { createServer, type Server } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { EMULATOR_API_KEY, EMULATOR_DATA_APP, startEmulator } from '@databrain-embed/emulator';
import express from 'express';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDatabrainClient } from './createDatabrainClient.ts';
import { createGuestTokenHandler } from './createGuestTokenHandler.ts';
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

/** Sends raw bytes to the server and collects whatever comes back until the socket closes. */
function rawSocket(url: string): { socket: Socket; received: Promise<string> } {
  const socket = connect(Number(new URL(url).port), '127.0.0.1');
  const received = new Promise<string>((resolve) => {
    let text = '';
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
    });
    socket.on('error', () => resolve(text));
    socket.on('close', () => resolve(text));
  });
  return { socket, received };
}

/**
 * An Express app in production mode, whose default error handler prints
 * every error it gets, plus a record of what reached `next` and the console.
 */
function watchedExpressApp(): {
  app: express.Express;
  passedToNext: unknown[];
  errorOutput: () => unknown[][];
} {
  const app = express();
  app.set('env', 'production');
  const passedToNext: unknown[] = [];
  const consoleError = vi.spyOn(console, 'error');
  const consoleWarn = vi.spyOn(console, 'warn');
  return {
    app,
    passedToNext,
    errorOutput: () => [...consoleError.mock.calls, ...consoleWarn.mock.calls],
  };
}

function recordErrors(app: express.Express, passedToNext: unknown[]): void {
  app.use((error: unknown, _req: express.Request, _res: express.Response, next: express.NextFunction) => {
    passedToNext.push(error);
    next(error);
  });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('toNodeHandler with clients that hang up', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('aborts the DataBrain call and reports nothing when the client hangs up while DataBrain is slow', async () => {
    const emulator = await startEmulator({ port: 0 });
    try {
      emulator.faults.add({ path: '/api/v2/guest-token/create', latencyMs: 10_000 });
      const databrain = createDatabrainClient({ apiKey: EMULATOR_API_KEY, baseUrl: emulator.url });
      let calledDatabrain: () => void = () => {};
      const calling = new Promise<void>((resolve) => {
        calledDatabrain = resolve;
      });
      const handler = createGuestTokenHandler({
        client: {
          createGuestToken: (input, options) => {
            calledDatabrain();
            return databrain.createGuestToken(input, options);
          },
        },
        dataAppName: EMULATOR_DATA_APP,
        authorize: () => ({ clientId: 'acme' }),
      });
      const { app, passedToNext, errorOutput } = watchedExpressApp();
      app.post('/token', toNodeHandler(handler));
      recordErrors(app, passedToNext);
      const url = await listen(createServer(app));

      const { socket, received } = rawSocket(url);
      socket.write('POST /token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n');
      await calling;
      // Give the call time to reach the emulator, then hang up.
      await vi.waitFor(() => expect(emulator.faults).toBeDefined());
      await new Promise((resolve) => setTimeout(resolve, 200));
      socket.destroy();
      await received;

      // The emulator logs a request when its connection closes: long before the 10 s latency.
      await vi.waitFor(
        () => expect(emulator.requests.map((entry) => entry.path)).toContain('/api/v2/guest-token/create'),
        { timeout: 5_000 },
      );
      await settle();
      expect(passedToNext).toEqual([]);
      expect(errorOutput()).toEqual([]);
    } finally {
      await emulator.close();
    }
  }, 20_000);

  it('reports nothing when the client hangs up before its body is read', async () => {
    let handlerFailure: unknown;
    const { app, passedToNext, errorOutput } = watchedExpressApp();
    app.post(
      '/token',
      toNodeHandler(async (request) => {
        try {
          return new Response(await request.text());
        } catch (error) {
          handlerFailure = error;
          throw error;
        }
      }),
    );
    recordErrors(app, passedToNext);
    const url = await listen(createServer(app));

    const { socket, received } = rawSocket(url);
    socket.write('POST /token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\npartial');
    await new Promise((resolve) => setTimeout(resolve, 200));
    socket.destroy();
    await received;
    await vi.waitFor(() => expect(handlerFailure).toBeDefined());
    await settle();
    expect(passedToNext).toEqual([]);
    expect(errorOutput()).toEqual([]);
  });

  it('reports nothing when the client hangs up while the answer is written', async () => {
    let cancelled = false;
    const { app, passedToNext, errorOutput } = watchedExpressApp();
    let hangUp: () => void = () => {};
    app.post(
      '/token',
      toNodeHandler(() => {
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('first part'));
            hangUp();
          },
          cancel() {
            cancelled = true;
          },
        });
        return new Response(body, { status: 200 });
      }),
    );
    recordErrors(app, passedToNext);
    const url = await listen(createServer(app));

    const { socket, received } = rawSocket(url);
    hangUp = () => socket.destroy();
    socket.write('POST /token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n');
    expect(await received).toBe('');
    await settle();
    expect(cancelled).toBe(true);
    expect(passedToNext).toEqual([]);
    expect(errorOutput()).toEqual([]);
  });
});

describe('toNodeHandler with requests a Fetch Request cannot carry', () => {
  it.each(['TRACE'])('answers %s with a 405 and Allow: POST, without calling the handler', async (method) => {
    let called = false;
    const url = await listen(
      createServer(
        toNodeHandler(() => {
          called = true;
          return new Response('reached');
        }),
      ),
    );
    const { socket, received } = rawSocket(url);
    socket.end(`${method} /token HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    const answer = await received;
    expect(answer).toMatch(/^HTTP\/1\.1 405 /);
    expect(answer.toLowerCase()).toContain('\r\nallow: post\r\n');
    expect(answer).toContain('"code":"METHOD_NOT_ALLOWED"');
    expect(called).toBe(false);
  });

  it("never sees CONNECT, which Node hands to the server's connect event and closes", async () => {
    let called = false;
    const url = await listen(
      createServer(
        toNodeHandler(() => {
          called = true;
          return new Response('reached');
        }),
      ),
    );
    const { socket, received } = rawSocket(url);
    socket.write('CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n');
    expect(await received).not.toContain('reached');
    expect(called).toBe(false);
  });

  it('sends the methods given in options.allow', async () => {
    const url = await listen(
      createServer(toNodeHandler(() => new Response('ok'), { allow: ['GET', 'POST'] })),
    );
    const { socket, received } = rawSocket(url);
    socket.end('TRACE / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    expect((await received).toLowerCase()).toContain('\r\nallow: get, post\r\n');
  });

  it.each(['[bad', 'a b', 'a/b', 'user@host'])('answers a 400 to the Host header %j', async (host) => {
    let called = false;
    const app = express();
    app.use(
      toNodeHandler(() => {
        called = true;
        return new Response('reached');
      }),
    );
    const url = await listen(createServer(app));
    const { socket, received } = rawSocket(url);
    socket.end(`POST /token HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
    const answer = await received;
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(called).toBe(false);
  });

  it('keeps a valid Host with a port, in any case', async () => {
    const url = await listen(createServer(toNodeHandler((request) => new Response(request.url))));
    const { socket, received } = rawSocket(url);
    socket.end('GET /x HTTP/1.1\r\nHost: Example.COM:8080\r\nConnection: close\r\n\r\n');
    expect(await received).toContain('http://example.com:8080/x');
  });
});
