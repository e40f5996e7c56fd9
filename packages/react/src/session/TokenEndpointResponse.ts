/**
 * What a token source answers: the guest token and how long it lives, in
 * milliseconds from now (`null` when it never expires). The token endpoint's
 * answer from `@databrain-embed/core/token-endpoint`, which the server's
 * handler sends: one type for both sides.
 *
 * @example
 * ```ts
 * import type { TokenEndpointResponse } from '@databrain-embed/react';
 * const initialToken: TokenEndpointResponse = { token: 'eyJ…', expiresIn: 3_600_000 };
 * ```
 */
export type { TokenEndpointResponse } from '@databrain-embed/core/token-endpoint';
