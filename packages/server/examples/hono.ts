import { createDatabrainClient, createGuestTokenHandler } from '@databrain-embed/server';
import { Hono } from 'hono';

declare function getSession(request: Request): Promise<{ tenantId: string; userId: string } | null>;

const handler = createGuestTokenHandler({
  client: createDatabrainClient({ apiKey: process.env.DATABRAIN_API_KEY }),
  dataAppName: 'customer-portal',
  authorize: async (request) => {
    const session = await getSession(request);
    return session ? { clientId: session.tenantId, params: { userIdentifier: session.userId } } : null;
  },
});
export const app: Hono = new Hono().post('/api/databrain/token', (context) => handler(context.req.raw));
