import { createDatabrainClient, DatabrainApiError, isDatabrainError } from '@databrain-embed/server';

const databrain = createDatabrainClient();

export async function mintFor(tenantId: string): Promise<string | null> {
  try {
    const { token } = await databrain.createGuestToken({
      dataAppName: 'customer-portal',
      clientId: tenantId,
    });
    return token;
  } catch (error) {
    if (error instanceof DatabrainApiError && error.code === 'RATE_LIMIT_EXCEEDED') {
      console.warn(`DataBrain is busy; try again in ${error.retryAfter ?? 1} s`);
      return null;
    }
    if (isDatabrainError(error)) console.error(error.code, error.message);
    throw error;
  }
}
