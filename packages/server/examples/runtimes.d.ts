// Just enough of Hono, Bun and Deno for tsc to check that the snippets beside
// this file hand each of them a plain Fetch handler. These are not their real
// type definitions: the check is that the shapes fit, nothing more.

declare module 'hono' {
  export class Hono {
    post(path: string, handler: (context: { req: { raw: Request } }) => Response | Promise<Response>): this;
  }
}

declare const Bun: {
  serve(options: { port?: number; fetch: (request: Request) => Response | Promise<Response> }): unknown;
};

declare const Deno: {
  env: { get(name: string): string | undefined };
  serve(options: { port?: number }, handler: (request: Request) => Response | Promise<Response>): unknown;
};
