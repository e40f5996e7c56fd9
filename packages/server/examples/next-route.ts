// app/api/databrain/token/route.ts in a Next.js App Router project.
import { createDatabrainClient, createGuestTokenHandler } from '@databrain-embed/server';

declare function getSession(request: Request): Promise<{ tenantId: string; userId: string } | null>;

export const POST: (request: Request) => Promise<Response> = createGuestTokenHandler({
  client: createDatabrainClient({ apiKey: process.env.DATABRAIN_API_KEY }),
  dataAppName: 'customer-portal',
  expiresIn: '30m',
  authorize: async (request) => {
    const session = await getSession(request);
    return session ? { clientId: session.tenantId, params: { userIdentifier: session.userId } } : null;
  },
});
