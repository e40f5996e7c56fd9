// The token endpoint's wire contract is written once, in core's token-endpoint
// entry: the server's handler answers with it and the react package reads it.
// If either side grew its own copy and the copies drifted, these fail to compile.
import type { TokenEndpointErrorBody, TokenEndpointResponse } from '@databrain-embed/core/token-endpoint';
import type {
  DatabrainProviderProps,
  FetchToken,
  TokenEndpointResponse as ReactTokenAnswer,
} from '@databrain-embed/react';
import type { GuestTokenHandlerErrorBody, GuestTokenIssuer, IssuedGuestToken } from '@databrain-embed/server';
import { describe, expectTypeOf, it } from 'vitest';

/** What the handler answers with 200, as `mint` hands it over too. */
type HandlerAnswer = NonNullable<Awaited<ReturnType<GuestTokenIssuer['mint']>>>;

describe('the token endpoint contract', () => {
  it("is one type for the handler's answer and what react parses", () => {
    expectTypeOf<HandlerAnswer>().toEqualTypeOf<ReactTokenAnswer>();
    expectTypeOf<IssuedGuestToken>().toEqualTypeOf<ReactTokenAnswer>();
    expectTypeOf<Awaited<ReturnType<FetchToken>>>().toEqualTypeOf<HandlerAnswer>();
    expectTypeOf<NonNullable<DatabrainProviderProps['initialToken']>>().toEqualTypeOf<HandlerAnswer>();
    expectTypeOf<ReactTokenAnswer>().toEqualTypeOf<TokenEndpointResponse>();
  });

  it("is one error body for the handler's failures", () => {
    expectTypeOf<GuestTokenHandlerErrorBody>().toEqualTypeOf<TokenEndpointErrorBody>();
  });
});
