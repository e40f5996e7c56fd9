import { createDatabrainClient, createGuestTokenIssuer, type DatabrainClient } from '@databrain-embed/server';
import { databrainSetup } from './databrainSetup';
import { readTenant } from './session';

let client: DatabrainClient | undefined;
// Created on the first token request, not at import: `next build` loads this
// module with no DataBrain variable set, and the emulator starts with the server.
const databrain = (): DatabrainClient => {
  const { apiKey, apiUrl } = databrainSetup();
  client ??= createDatabrainClient({ apiKey, baseUrl: apiUrl });
  return client;
};

/** Who gets which grant, written once: the token route and the server-rendered page both use it. */
export const tokens = createGuestTokenIssuer({
  client: { createGuestToken: (input, options) => databrain().createGuestToken(input, options) },
  dataAppName: databrainSetup().dataAppName,
  expiresIn: Number(process.env.TOKEN_LIFETIME_SECONDS ?? 1800) * 1000,
  authorize: (request) => {
    const tenant = readTenant(request.headers.get('cookie')); // the session decides, never the browser
    return tenant ? { clientId: tenant, params: { userIdentifier: `${tenant}-analyst` } } : null;
  },
  onError: (error) =>
    console.error(`Token request failed: ${error instanceof Error ? error.message : error}`),
});
