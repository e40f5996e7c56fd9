import { createDatabrainClient, createGuestTokenHandler } from '@databrain-embed/server';
import { toNodeHandler } from '@databrain-embed/server/node';
import express from 'express';

const databrain = createDatabrainClient({ apiKey: process.env.DATABRAIN_API_KEY });

const app = express();
app.post(
  '/api/databrain-token',
  toNodeHandler(
    createGuestTokenHandler({
      client: databrain,
      dataAppName: 'customer-portal',
      // Your session decides the tenant; the browser never does.
      authorize: (request) => {
        const tenant = request.headers.get('x-tenant-id'); // e.g. set by your auth middleware
        return tenant ? { clientId: tenant, params: { userIdentifier: tenant } } : null;
      },
      onError: (error) => console.error('guest token failed', error),
    }),
  ),
);
app.listen(3000);
