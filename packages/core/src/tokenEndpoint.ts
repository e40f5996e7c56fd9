/**
 * The zod-free entry point `@databrain-embed/core/token-endpoint`: the wire
 * contract between the browser and the app's token endpoint (the success
 * answer, the error body and its codes, the expired-token header), written
 * once for `@databrain-embed/server`, which answers, and
 * `@databrain-embed/react`, which asks.
 */
export { EXPIRED_TOKEN_HEADER } from './expiredTokenHeader.ts';
export {
  TOKEN_ENDPOINT_ERROR_CODES,
  type TokenEndpointErrorBody,
  type TokenEndpointErrorCode,
} from './TokenEndpointErrorBody.ts';
export type { TokenEndpointResponse } from './TokenEndpointResponse.ts';
