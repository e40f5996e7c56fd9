/**
 * What a token source answers: the guest token and how long it lives, in
 * milliseconds from now (`null` when it never expires). This is the body the
 * app's own token endpoint sends back.
 *
 * A relative lifetime rather than a timestamp, so that the browser's clock
 * and the server's clock never have to agree.
 *
 * @example
 * ```ts
 * import type { TokenEndpointResponse } from '@databrain-embed/react';
 * const initialToken: TokenEndpointResponse = { token: 'eyJ…', expiresIn: 3_600_000 };
 * ```
 */
export interface TokenEndpointResponse {
  /** The guest token, passed to the DataBrain elements as is. */
  token: string;
  /** Lifetime in milliseconds from the moment it is received; `null` = never expires. */
  expiresIn: number | null;
}
