import { describe, expectTypeOf, it } from 'vitest';
import { DOCUMENTED_ERRORS } from './endpoints.ts';

describe('DOCUMENTED_ERRORS types', () => {
  it('has literal codes and statuses per endpoint', () => {
    expectTypeOf(DOCUMENTED_ERRORS.guestToken.AUTHENTICATION_ERROR).toEqualTypeOf<401>();
    expectTypeOf(DOCUMENTED_ERRORS.apiTokens.AUTHENTICATION_ERROR).toEqualTypeOf<400>();
    expectTypeOf<keyof typeof DOCUMENTED_ERRORS.dataApps>().toEqualTypeOf<
      'AUTHENTICATION_ERROR' | 'INTERNAL_SERVER_ERROR'
    >();
    // @ts-expect-error the workspace endpoint does not document EXPIRED_TOKEN
    DOCUMENTED_ERRORS.workspace.EXPIRED_TOKEN;
  });
});
