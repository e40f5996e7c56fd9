// The one grant every endpoint of the server benchmark mints: what an app's
// `authorize` returns for a signed-in user, and the wire body DataBrain gets.
export const GRANT = {
  clientId: 'acme',
  params: { userIdentifier: 'user-42' },
  permissions: { isEnableDownloadMetrics: true },
};

export const LIFETIME_MS = 3_600_000;

/** The body `createGuestTokenHandler` sends to DataBrain for {@link GRANT}. */
export function wireBody(dataAppName) {
  return JSON.stringify({ ...GRANT, dataAppName, expiryTime: LIFETIME_MS });
}
