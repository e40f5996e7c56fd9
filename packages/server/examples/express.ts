import { createDatabrainClient, createGuestTokenHandler } from '@databrain-embed/server';
import { toNodeHandler } from '@databrain-embed/server/node';
import express from 'express';

declare function getSession(request: Request): Promise<{ tenantId: string; userId: string } | null>;

const handler = createGuestTokenHandler({
  client: createDatabrainClient({ apiKey: process.env.DATABRAIN_API_KEY }),
  dataAppName: 'customer-portal',
  authorize: async (request) => {
    const session = await getSession(request); // your session decides, never the browser
    return session ? { clientId: session.tenantId, params: { userIdentifier: session.userId } } : null;
  },
});
express().post('/api/databrain/token', toNodeHandler(handler)).listen(3000);
