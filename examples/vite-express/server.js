// @ts-check
import { fileURLToPath } from 'node:url';
import {
  createDatabrainClient,
  createGuestTokenHandler,
  createMetricDataHandler,
} from '@databrain-embed/server';
import { toNodeHandler } from '@databrain-embed/server/node';
import express from 'express';
import { connectDatabrain } from './databrain.js';
import { readTenant, TENANTS, tenantCookie } from './session.js';

const databrain = await connectDatabrain();
const tokenLifetimeMs = Number(process.env.TOKEN_LIFETIME_SECONDS ?? 1800) * 1000;

const client = createDatabrainClient({ apiKey: databrain.apiKey, baseUrl: databrain.apiUrl });

const handler = createGuestTokenHandler({
  client,
  dataAppName: databrain.dataAppName,
  expiresIn: tokenLifetimeMs,
  authorize: (request) => {
    const tenant = readTenant(request.headers.get('cookie')); // the session decides, never the browser
    return tenant ? { clientId: tenant, params: { userIdentifier: `${tenant}-analyst` } } : null;
  },
  onError: (error) =>
    console.error(`Token request failed: ${error instanceof Error ? error.message : error}`),
});

// The header's KPI: the browser names the metric, the session decides whose rows it sees.
const dataHandler = createMetricDataHandler({
  client,
  embedId: process.env.DATABRAIN_KPI_EMBED ?? 'sales-overview',
  authorize: (request) => {
    const tenant = readTenant(request.headers.get('cookie'));
    return tenant ? { clientId: tenant } : null;
  },
  onError: (error) =>
    console.error(`Metric data request failed: ${error instanceof Error ? error.message : error}`),
});

const app = express();
app.post('/api/databrain/token', toNodeHandler(handler));
// Mounted without a body parser: the handler reads its own JSON body.
app.post('/api/databrain/data', toNodeHandler(dataHandler));
app.get('/api/session', (request, response) => {
  response.json({
    tenant: readTenant(request.headers.cookie),
    tenants: TENANTS,
    elements: databrain.elements,
  });
});
app.post('/api/session', express.json(), (request, response) => {
  const tenant = TENANTS.find((name) => name === request.body?.tenant);
  if (!tenant) {
    response.status(400).json({ error: `tenant must be one of ${TENANTS.join(', ')}` });
    return;
  }
  response.setHeader('set-cookie', tenantCookie(tenant)).json({ tenant });
});
app.use(express.static(fileURLToPath(new URL('./dist', import.meta.url))));

const server = app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : process.env.PORT;
  console.log(`Analytics example on http://127.0.0.1:${port} (${databrain.elements.kind} elements)`);
});

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, () => {
    server.closeAllConnections();
    server.close(() => void databrain.close());
  });
}
