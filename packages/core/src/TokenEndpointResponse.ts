/**
 * What the app's token endpoint answers with on success (status 200): the
 * guest token and how long it lives, in milliseconds from now (`null` when
 * it never expires). `createGuestTokenHandler` in `@databrain-embed/server`
 * sends it; `@databrain-embed/react` reads it.
 *
 * A relative lifetime rather than a timestamp, so that the browser's clock
 * and the server's clock never have to agree.
 *
 * @example
 * ```ts
 * import type { TokenEndpointResponse } from '@databrain-embed/core/token-endpoint';
 * const answer: TokenEndpointResponse = { token: 'eyJ…', expiresIn: 3_600_000 };
 * ```
 */
export interface TokenEndpointResponse {
  /** The guest token, passed to the DataBrain elements as is. */
  token: string;
  /** Lifetime in milliseconds from the moment it is received; `null` = never expires. */
  expiresIn: number | null;
}
