import { createDatabrainClient, createGuestTokenHandler } from '@databrain-embed/server';

declare function getSession(request: Request): Promise<{ tenantId: string; userId: string } | null>;

const handler = createGuestTokenHandler({
  client: createDatabrainClient({ apiKey: process.env.DATABRAIN_API_KEY }),
  dataAppName: 'customer-portal',
  authorize: async (request) => {
    const session = await getSession(request);
    return session ? { clientId: session.tenantId, params: { userIdentifier: session.userId } } : null;
  },
});
Bun.serve({
  port: 3000,
  fetch: (request) =>
    new URL(request.url).pathname === '/api/databrain/token'
      ? handler(request)
      : new Response('Not found', { status: 404 }),
});
