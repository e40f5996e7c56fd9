// An app's own token endpoint, as a user writes it: the signed-in user's
// tenant decides the token's claims. Tests point it at the emulator.
import { createDatabrainClient, createGuestTokenHandler } from '@databrain-embed/server';

export interface AppUser {
  readonly tenantId: string;
  readonly role: 'viewer' | 'analyst';
}

export function createTokenEndpoint(options: {
  readonly apiKey: string;
  readonly databrainUrl: string;
  readonly currentUser: (request: Request) => AppUser | null;
}): (request: Request) => Promise<Response> {
  return createGuestTokenHandler({
    client: createDatabrainClient({ apiKey: options.apiKey, baseUrl: options.databrainUrl, retryDelay: 10 }),
    dataAppName: 'demo-app',
    authorize: (request) => {
      const user = options.currentUser(request);
      if (!user) return null;
      return {
        clientId: user.tenantId,
        permissions: { isEnableDownloadMetrics: user.role === 'analyst' },
        expiresIn: 15 * 60 * 1000,
      };
    },
  });
}
